package io.cellpilot.robot.ur;

import io.cellpilot.robot.RobotException;
import io.cellpilot.robot.RobotException.Code;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of UR's dashboard server (port 29999): one command per line, one reply line. The checks use the reply
 * texts UR documents ("Powering on", "Brake releasing", "Protective stop releasing", "Robotmode: RUNNING", ...).
 */
public final class DashboardClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DashboardClient.class);

  private final String robot;
  private final String host;
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private BufferedReader in;
  private OutputStream out;

  public DashboardClient(String robot, String host, int port, int timeoutMillis) {
    this.robot = robot;
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** Connects and reads the banner ("Connected: Universal Robots Dashboard Server"). */
  public synchronized void connect() {
    try {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
      String banner = in.readLine();
      if (banner == null || !banner.startsWith("Connected")) {
        throw new RobotException(Code.PROTOCOL, "[" + robot + "] dashboard at " + host + ":" + port
            + " greeted with '" + banner + "'");
      }
    } catch (IOException e) {
      close();
      throw new RobotException(Code.CONNECTION, "[" + robot + "] cannot connect to the dashboard server at " + host
          + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** Sends one command and returns the reply line; reconnects once when the connection was lost. */
  public synchronized String send(String command) {
    try {
      if (socket == null || socket.isClosed()) {
        connect();
      }
      return exchange(command);
    } catch (IOException first) {
      log.info("[{}] dashboard connection lost ({}), reconnecting", robot, first.getMessage());
      close();
      connect();
      try {
        return exchange(command);
      } catch (IOException e) {
        throw new RobotException(Code.CONNECTION, "[" + robot + "] dashboard command '" + command + "' failed: "
            + e.getMessage(), e);
      }
    }
  }

  private String exchange(String command) throws IOException {
    out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    String reply = in.readLine();
    if (reply == null) {
      throw new IOException("connection closed");
    }
    log.debug("[{}] dashboard '{}' -> '{}'", robot, command, reply);
    return reply;
  }

  /** Sends {@code command} and checks that the reply starts with {@code expected}. */
  public String expect(String command, String expected) {
    String reply = send(command);
    if (!reply.startsWith(expected)) {
      throw new RobotException(Code.ROBOT_NOT_READY, "[" + robot + "] dashboard '" + command + "' answered '" + reply
          + "', expected '" + expected + "'");
    }
    return reply;
  }

  public void powerOn() {
    expect("power on", "Powering on");
  }

  public void brakeRelease() {
    expect("brake release", "Brake releasing");
  }

  public void stopProgram() {
    expect("stop", "Stopped");
  }

  public void unlockProtectiveStop() {
    expect("unlock protective stop", "Protective stop releasing");
  }

  public void closeSafetyPopup() {
    expect("close safety popup", "closing safety popup");
  }

  /** The robot mode as the dashboard prints it, e.g. RUNNING. */
  public String robotMode() {
    return expect("robotmode", "Robotmode: ").substring("Robotmode: ".length()).strip();
  }

  public boolean inRemoteControl() {
    return send("is in remote control").strip().equalsIgnoreCase("true");
  }

  @Override
  public synchronized void close() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
