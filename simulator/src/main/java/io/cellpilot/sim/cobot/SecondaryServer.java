package io.cellpilot.sim.cobot;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secondary client interface (UR port 30002). In: URScript, either one {@code def name(): ... end} program or a
 * single statement per line; each complete program replaces the running one. Out: a primary-protocol VERSION message
 * on connect, then ROBOT_STATE packages (type 16) at 10 Hz that carry only the Robot Mode Data sub-package (type 0);
 * a real robot adds joint, cartesian, I/O and more sub-packages, which a client skips by their length.
 */
final class SecondaryServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SecondaryServer.class);
  private static final int ROBOT_STATE = 16;
  private static final int ROBOT_MESSAGE = 20;

  private final CobotCore core;
  private final ByteCounter counter;
  private final Consumer<String> received;
  private final TcpServer tcp;
  private final Map<Socket, OutputStream> outputs = new ConcurrentHashMap<>();

  /** @param received told of every complete program or statement as it arrives, before it runs */
  SecondaryServer(CobotCore core, String bindAddress, int port, ByteCounter counter,
      Consumer<String> received) throws IOException {
    this.core = core;
    this.counter = counter;
    this.received = received;
    this.tcp = new TcpServer("secondary", bindAddress, port, this::serve);
  }

  int port() {
    return tcp.port();
  }

  void dropConnections() {
    tcp.dropConnections();
  }

  private void serve(Socket socket) {
    try {
      OutputStream out = counter.counting(socket.getOutputStream());
      synchronized (out) {
        out.write(versionMessage());
        out.flush();
      }
      outputs.put(socket, out);
      BufferedReader in = new BufferedReader(new InputStreamReader(counter.counting(socket.getInputStream()),
          StandardCharsets.UTF_8));
      StringBuilder program = null;
      String line;
      while ((line = in.readLine()) != null) {
        String t = line.strip();
        if (program != null) {
          program.append(line).append('\n');
          if (t.equals("end")) {
            received.accept(program.toString());
            core.runScript(program.toString());
            program = null;
          }
        } else if (t.startsWith("def ") || t.startsWith("sec ")) {
          program = new StringBuilder(line).append('\n');
        } else if (!t.isEmpty() && !t.startsWith("#")) {
          received.accept(t);
          core.runScript(t);
        }
      }
    } catch (IOException e) {
      log.debug("[secondary] connection ended: {}", e.toString());
    } finally {
      outputs.remove(socket);
    }
  }

  /** Sends a ROBOT_STATE package to every client; called by the control clock at 10 Hz. */
  void publish(Snapshot s) {
    byte[] packet = robotState(s);
    for (Map.Entry<Socket, OutputStream> e : outputs.entrySet()) {
      try {
        synchronized (e.getValue()) {
          e.getValue().write(packet);
          e.getValue().flush();
        }
      } catch (IOException ex) {
        TcpServer.closeQuietly(e.getKey());
      }
    }
  }

  /** Primary protocol ROBOT_MESSAGE / VERSION: length, type 20, timestamp, source, message type 3, the version. */
  private static byte[] versionMessage() {
    return packet(ROBOT_MESSAGE, body -> {
      body.writeLong(0);
      body.writeByte(-2);
      body.writeByte(3);
      byte[] project = "URControl".getBytes(StandardCharsets.US_ASCII);
      body.writeByte(project.length);
      body.write(project);
      body.writeByte(5);
      body.writeByte(11);
      body.writeInt(1);
      body.writeInt(108318);
      body.write("22-11-2026, 00:00:00".getBytes(StandardCharsets.US_ASCII));
    });
  }

  /** ROBOT_STATE with the Robot Mode Data sub-package (47 bytes, PolyScope 5 layout). */
  private static byte[] robotState(Snapshot s) {
    return packet(ROBOT_STATE, body -> {
      body.writeInt(47);
      body.writeByte(0);
      body.writeLong((long) (s.timestamp() * 1e6));
      body.writeBoolean(true);
      body.writeBoolean(true);
      body.writeBoolean(s.robotMode().code >= UrModes.RobotMode.POWER_ON.code);
      body.writeBoolean(false);
      body.writeBoolean(s.safetyMode() == UrModes.SafetyMode.PROTECTIVE_STOP);
      body.writeBoolean(s.runtimeState() == UrModes.RuntimeState.PLAYING);
      body.writeBoolean(s.runtimeState() == UrModes.RuntimeState.PAUSED);
      body.writeByte(s.robotMode().code);
      body.writeByte(0);
      body.writeDouble(s.targetSpeedFraction());
      body.writeDouble(s.speedScaling());
      body.writeDouble(1.0);
      body.writeByte(0);
    });
  }

  private interface Body {
    void write(DataOutputStream body) throws IOException;
  }

  private static byte[] packet(int type, Body content) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      DataOutputStream body = new DataOutputStream(bytes);
      content.write(body);
      byte[] b = bytes.toByteArray();
      ByteArrayOutputStream whole = new ByteArrayOutputStream(b.length + 5);
      DataOutputStream w = new DataOutputStream(whole);
      w.writeInt(b.length + 5);
      w.writeByte(type);
      w.write(b);
      return whole.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    tcp.close();
  }
}
