package io.cellpilot.robot.ur;

import java.nio.ByteBuffer;
import java.util.List;

/** An accepted RTDE recipe: the id the robot gave it and the type of each variable, in order. */
public record RtdeRecipe(int id, List<String> names, List<String> types) {

  public RtdeRecipe {
    names = List.copyOf(names);
    types = List.copyOf(types);
  }

  public int indexOf(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(name + " is not in the recipe " + names);
    }
    return i;
  }

  /** Decodes a data package's fields (after the recipe id): doubles, longs and ints boxed, vectors as arrays. */
  Object[] decode(ByteBuffer b) {
    Object[] values = new Object[types.size()];
    for (int i = 0; i < values.length; i++) {
      switch (types.get(i)) {
        case "DOUBLE": values[i] = b.getDouble(); break;
        case "UINT64": values[i] = b.getLong(); break;
        case "INT32": values[i] = b.getInt(); break;
        case "UINT32": values[i] = b.getInt() & 0xffffffffL; break;
        case "UINT8": values[i] = b.get() & 0xff; break;
        case "BOOL": values[i] = b.get() != 0; break;
        case "VECTOR3D": values[i] = doubles(b, 3); break;
        case "VECTOR6D": values[i] = doubles(b, 6); break;
        case "VECTOR6INT32": case "VECTOR6UINT32": {
          int[] v = new int[6];
          for (int k = 0; k < 6; k++) {
            v[k] = b.getInt();
          }
          values[i] = v;
          break;
        }
        default: throw new IllegalStateException("unknown RTDE type " + types.get(i));
      }
    }
    return values;
  }

  /** Encodes an input data package: the recipe id, then each value in the recipe's types. */
  byte[] encode(Object... values) {
    if (values.length != types.size()) {
      throw new IllegalArgumentException("recipe " + names + " needs " + types.size() + " values, got "
          + values.length);
    }
    int size = 1;
    for (String t : types) {
      size += RtdePackets.size(t);
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put((byte) id);
    for (int i = 0; i < values.length; i++) {
      Number n = (Number) values[i];
      switch (types.get(i)) {
        case "DOUBLE": b.putDouble(n.doubleValue()); break;
        case "INT32": case "UINT32": b.putInt((int) n.longValue()); break;
        case "UINT64": b.putLong(n.longValue()); break;
        case "UINT8": b.put((byte) n.intValue()); break;
        default: throw new IllegalArgumentException("input type " + types.get(i) + " is not supported");
      }
    }
    return b.array();
  }

  private static double[] doubles(ByteBuffer b, int n) {
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      v[k] = b.getDouble();
    }
    return v;
  }
}
