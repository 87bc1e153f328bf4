package io.cellpilot.robot.ur;

import io.cellpilot.robot.RobotException;
import io.cellpilot.robot.RobotException.Code;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of UR's Real-Time Data Exchange (port 30004), protocol version 2: version negotiation, one output recipe at
 * a chosen frequency, one input recipe, then a reader thread that hands each data package to a listener and counts
 * late and missed packages against the robot's own timestamp.
 */
public final class RtdeClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RtdeClient.class);

  /** Receives what the robot publishes; called on the reader thread. */
  public interface Listener {
    void onData(Object[] values, long receivedNanos);

    void onMessage(String text, int level);

    void onClosed(Exception cause);
  }

  private final String robot;
  private final String host;
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private DataInputStream in;
  private OutputStream out;
  private RtdeRecipe outputs;
  private double frequency;
  private int timestampIndex = -1;
  private volatile boolean closing;
  private final RtdeStats stats = new RtdeStats();

  public RtdeClient(String robot, String host, int port, int timeoutMillis) {
    this.robot = robot;
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** Connects and negotiates protocol version 2 (RTDE_REQUEST_PROTOCOL_VERSION). */
  public void connect() {
    try {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 16384));
      out = socket.getOutputStream();
      byte[] reply = request(RtdePackets.REQUEST_PROTOCOL_VERSION, new byte[] {0, 2});
      if (reply.length != 1 || reply[0] != 1) {
        throw new RobotException(Code.PROTOCOL, "[" + robot + "] RTDE at " + host + ":" + port
            + " refused protocol version 2");
      }
    } catch (IOException e) {
      closeQuietly();
      throw new RobotException(Code.CONNECTION, "[" + robot + "] cannot connect to RTDE at " + host + ":" + port + ": "
          + e.getMessage(), e);
    }
  }

  /** The controller's version (major, minor, bugfix, build): RTDE_GET_URCONTROL_VERSION. */
  public int[] controllerVersion() {
    ByteBuffer b = ByteBuffer.wrap(requestUnchecked(RtdePackets.GET_URCONTROL_VERSION, new byte[0]));
    return new int[] {b.getInt(), b.getInt(), b.getInt(), b.getInt()};
  }

  /** Sets up the output recipe; an unknown variable is an error that names it. */
  public RtdeRecipe setupOutputs(List<String> names, double hz) {
    byte[] text = String.join(",", names).getBytes(StandardCharsets.US_ASCII);
    ByteBuffer p = ByteBuffer.allocate(8 + text.length).putDouble(hz).put(text);
    outputs = recipe("output", names, requestUnchecked(RtdePackets.SETUP_OUTPUTS, p.array()));
    frequency = hz;
    timestampIndex = names.indexOf("timestamp");
    return outputs;
  }

  /** Sets up an input recipe; a variable another client owns (IN_USE) or the robot lacks is an error naming it. */
  public RtdeRecipe setupInputs(List<String> names) {
    byte[] text = String.join(",", names).getBytes(StandardCharsets.US_ASCII);
    return recipe("input", names, requestUnchecked(RtdePackets.SETUP_INPUTS, text));
  }

  private RtdeRecipe recipe(String kind, List<String> names, byte[] reply) {
    List<String> types = Arrays.asList(new String(reply, 1, reply.length - 1, StandardCharsets.US_ASCII).split(","));
    for (int i = 0; i < types.size(); i++) {
      String t = types.get(i);
      if (t.equals("NOT_FOUND") || t.equals("IN_USE")) {
        throw new RobotException(Code.PROTOCOL, "[" + robot + "] RTDE " + kind + " variable " + names.get(i) + " is "
            + t);
      }
    }
    if (reply[0] == 0 || types.size() != names.size()) {
      throw new RobotException(Code.PROTOCOL, "[" + robot + "] RTDE refused the " + kind + " recipe " + names
          + " (answer types " + types + ")");
    }
    return new RtdeRecipe(reply[0] & 0xff, names, types);
  }

  /** Starts synchronization (RTDE_CONTROL_PACKAGE_START) and the reader thread. */
  public void start(Listener listener) {
    byte[] reply = requestUnchecked(RtdePackets.START, new byte[0]);
    if (reply.length != 1 || reply[0] != 1) {
      throw new RobotException(Code.PROTOCOL, "[" + robot + "] RTDE refused to start");
    }
    try {
      socket.setSoTimeout(0);
    } catch (IOException e) {
      throw new RobotException(Code.CONNECTION, "[" + robot + "] RTDE socket failed", e);
    }
    Thread reader = new Thread(() -> readLoop(listener), "rtde-" + robot);
    reader.setDaemon(true);
    reader.setPriority(Thread.MAX_PRIORITY);
    reader.start();
  }

  private void readLoop(Listener listener) {
    Exception cause = null;
    try {
      while (!closing) {
        RtdePackets.Packet p = RtdePackets.read(in);
        long now = System.nanoTime();
        if (p.type() == RtdePackets.DATA_PACKAGE) {
          ByteBuffer b = ByteBuffer.wrap(p.payload());
          int id = b.get() & 0xff;
          if (id != outputs.id()) {
            continue;
          }
          Object[] values = outputs.decode(b);
          if (timestampIndex >= 0) {
            stats.record((Double) values[timestampIndex], now, 1.0 / frequency);
          }
          listener.onData(values, now);
        } else if (p.type() == RtdePackets.TEXT_MESSAGE) {
          listener.onMessage(textOf(p.payload()), p.payload().length > 0 ? p.payload()[p.payload().length - 1] : 3);
        }
      }
    } catch (EOFException e) {
      cause = new IOException("robot closed the RTDE connection");
    } catch (IOException | RuntimeException e) {
      cause = e;
    }
    if (!closing) {
      log.warn("[{}] RTDE link lost: {}", robot, cause == null ? "closed" : cause.getMessage());
      listener.onClosed(cause);
    }
  }

  /** RTDE v2 text message: uint8 length, message, uint8 length, source, uint8 level. */
  private static String textOf(byte[] p) {
    if (p.length < 3) {
      return "";
    }
    int len = p[0] & 0xff;
    int srcLen = p[1 + len] & 0xff;
    return new String(p, 2 + len, srcLen, StandardCharsets.UTF_8) + ": "
        + new String(p, 1, len, StandardCharsets.UTF_8);
  }

  /** Sends one input data package; returns {@link System#nanoTime()} after the bytes were handed to the socket. */
  public long send(RtdeRecipe inputs, Object... values) throws IOException {
    byte[] frame = RtdePackets.frame(RtdePackets.DATA_PACKAGE, inputs.encode(values));
    synchronized (this) {
      out.write(frame);
      out.flush();
    }
    return System.nanoTime();
  }

  public RtdeStats stats() {
    return stats;
  }

  private byte[] requestUnchecked(int type, byte[] payload) {
    try {
      return request(type, payload);
    } catch (IOException e) {
      throw new RobotException(Code.CONNECTION, "[" + robot + "] RTDE request '" + (char) type + "' failed: "
          + e.getMessage(), e);
    }
  }

  /** Sends a control packet and waits for the reply of the same type, skipping anything else (as UR's client does). */
  private byte[] request(int type, byte[] payload) throws IOException {
    synchronized (this) {
      out.write(RtdePackets.frame(type, payload));
      out.flush();
    }
    try {
      while (true) {
        RtdePackets.Packet p = RtdePackets.read(in);
        if (p.type() == type) {
          return p.payload();
        }
        if (p.type() == RtdePackets.TEXT_MESSAGE) {
          log.warn("[{}] RTDE message during setup: {}", robot, textOf(p.payload()));
        }
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("no reply to '" + (char) type + "' within " + timeoutMillis + " ms", e);
    }
  }

  private void closeQuietly() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  @Override
  public void close() {
    closing = true;
    closeQuietly();
  }
}
