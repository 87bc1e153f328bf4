package io.cellpilot.robot.ur;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * RTDE framing from UR's RTDE guide: {@code uint16 size} (header included), {@code uint8 type}, payload; big-endian.
 */
final class RtdePackets {

  static final int REQUEST_PROTOCOL_VERSION = 'V';
  static final int GET_URCONTROL_VERSION = 'v';
  static final int TEXT_MESSAGE = 'M';
  static final int DATA_PACKAGE = 'U';
  static final int SETUP_OUTPUTS = 'O';
  static final int SETUP_INPUTS = 'I';
  static final int START = 'S';
  static final int PAUSE = 'P';

  private RtdePackets() {}

  /** One received packet. */
  record Packet(int type, byte[] payload) {}

  static Packet read(DataInputStream in) throws IOException {
    int size = in.readUnsignedShort();
    int type = in.readUnsignedByte();
    if (size < 3) {
      throw new IOException("RTDE packet size " + size + " is smaller than its 3-byte header");
    }
    byte[] payload = new byte[size - 3];
    in.readFully(payload);
    return new Packet(type, payload);
  }

  /** One packet as bytes, so that a send is a single write. */
  static byte[] frame(int type, byte[] payload) {
    if (payload.length + 3 > 0xffff) {
      throw new IllegalArgumentException("RTDE payload of " + payload.length + " bytes does not fit a packet");
    }
    byte[] b = new byte[payload.length + 3];
    b[0] = (byte) ((payload.length + 3) >> 8);
    b[1] = (byte) (payload.length + 3);
    b[2] = (byte) type;
    System.arraycopy(payload, 0, b, 3, payload.length);
    return b;
  }

  static void write(DataOutputStream out, int type, byte[] payload) throws IOException {
    out.write(frame(type, payload));
    out.flush();
  }

  /** Bytes one value of an RTDE type takes. */
  static int size(String type) {
    switch (type) {
      case "DOUBLE": case "UINT64": return 8;
      case "INT32": case "UINT32": return 4;
      case "UINT8": case "BOOL": return 1;
      case "VECTOR3D": return 24;
      case "VECTOR6D": return 48;
      case "VECTOR6INT32": case "VECTOR6UINT32": return 24;
      default: throw new IllegalArgumentException("unknown RTDE type " + type);
    }
  }
}
