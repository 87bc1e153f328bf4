package io.cellpilot.opcua.client;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/**
 * Converts between OPC UA variants and the plain Java values of the gateway's API, so that callers never see Milo
 * types. Unsigned integers widen to the next signed type (UInt32 to Long), arrays become lists.
 */
public final class Values {
  private Values() {}

  /** The plain Java value of an OPC UA value. */
  public static Object toJava(Object v) {
    if (v == null || v instanceof Boolean || v instanceof String || v instanceof Integer || v instanceof Double
        || v instanceof Long || v instanceof Float || v instanceof Short || v instanceof Byte) {
      return v;
    }
    if (v instanceof Variant variant) {
      return toJava(variant.value());
    }
    if (v instanceof UInteger u) {
      return u.longValue();
    }
    if (v instanceof UShort u) {
      return u.intValue();
    }
    if (v instanceof UByte u) {
      return u.intValue();
    }
    if (v instanceof ULong u) {
      return u.toBigInteger();
    }
    if (v instanceof DateTime t) {
      return t.getJavaInstant();
    }
    if (v instanceof LocalizedText t) {
      return t.text();
    }
    if (v instanceof QualifiedName q) {
      return q.toParseableString();
    }
    if (v instanceof NodeId id) {
      return id.toParseableString();
    }
    if (v instanceof ByteString b) {
      return b.bytesOrEmpty();
    }
    if (v instanceof StatusCode s) {
      return s.value();
    }
    if (v.getClass().isArray() && !(v instanceof byte[])) {
      int n = Array.getLength(v);
      List<Object> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(toJava(Array.get(v, i)));
      }
      return List.copyOf(list);
    }
    return v.toString();
  }

  /**
   * The variant to write for {@code value} to a node of data type {@code dataType}. Numbers are converted only when
   * no information is lost (5 to 5.0 for a Double node, 42L to UInt32); anything else is sent as given, so the server
   * answers {@code Bad_TypeMismatch} and the caller learns the real reason.
   */
  public static Variant toVariant(Object value, NodeId dataType) {
    if (value instanceof Variant v) {
      return v;
    }
    if (value instanceof Instant t) {
      return new Variant(new DateTime(t));
    }
    if (value instanceof byte[] b) {
      return new Variant(ByteString.of(b));
    }
    if (value instanceof UUID || !(value instanceof Number n) || dataType == null) {
      return new Variant(value);
    }
    Object exact = exactNumber(n, dataType);
    return new Variant(exact != null ? exact : value);
  }

  private static Object exactNumber(Number n, NodeId type) {
    boolean integral = n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger;
    if (type.equals(NodeIds.Double)) {
      double d = n.doubleValue();
      return integral && (long) d != n.longValue() ? null : d;
    }
    if (type.equals(NodeIds.Float)) {
      float f = n.floatValue();
      return (double) f == n.doubleValue() ? f : null;
    }
    if (!integral) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        return null;
      }
    }
    long l = n.longValue();
    if (type.equals(NodeIds.Int32)) {
      return l == (int) l ? (int) l : null;
    }
    if (type.equals(NodeIds.Int16)) {
      return l == (short) l ? (short) l : null;
    }
    if (type.equals(NodeIds.SByte)) {
      return l == (byte) l ? (byte) l : null;
    }
    if (type.equals(NodeIds.Int64)) {
      return l;
    }
    if (type.equals(NodeIds.UInt32)) {
      return l >= 0 && l <= UInteger.MAX_VALUE ? Unsigned.uint(l) : null;
    }
    if (type.equals(NodeIds.UInt16)) {
      return l >= 0 && l <= UShort.MAX_VALUE ? Unsigned.ushort((int) l) : null;
    }
    if (type.equals(NodeIds.Byte)) {
      return l >= 0 && l <= UByte.MAX_VALUE ? Unsigned.ubyte(l) : null;
    }
    if (type.equals(NodeIds.UInt64)) {
      return l >= 0 ? Unsigned.ulong(l) : null;
    }
    return null;
  }
}
