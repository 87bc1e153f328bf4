package io.cellpilot.sim.cobot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated controller's RTDE server (UR port 30004): accepts any number of clients, publishes their output
 * recipes each control cycle and lets one client at a time own each input variable. Can stall (stop publishing with
 * the connections open) and drop every connection, for fault injection.
 */
final class RtdeServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RtdeServer.class);

  private final CobotCore core;
  private final int hz;
  private final ByteCounter counter;
  private final ServerSocket serverSocket;
  private final List<RtdeSession> sessions = new CopyOnWriteArrayList<>();
  private final Map<String, RtdeSession> inputOwners = new HashMap<>();
  private volatile boolean stalled;

  RtdeServer(CobotCore core, String bindAddress, int port, int hz, ByteCounter counter) throws IOException {
    this.core = core;
    this.hz = hz;
    this.counter = counter;
    this.serverSocket = new ServerSocket(port, 16, InetAddress.getByName(bindAddress));
    Thread acceptor = new Thread(this::acceptLoop, "sim-cobot-rtde-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  int hz() {
    return hz;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        RtdeSession session = new RtdeSession(this, socket, core, counter);
        sessions.add(session);
        Thread reader = new Thread(session, "sim-cobot-rtde-" + socket.getPort());
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        if (!serverSocket.isClosed()) {
          log.warn("[rtde] accept failed: {}", e.toString());
        }
      }
    }
  }

  /** Called by the control clock after each cycle. */
  void publish(Snapshot snapshot, long tick) {
    if (stalled) {
      return;
    }
    for (RtdeSession s : sessions) {
      s.publish(snapshot, tick);
    }
  }

  /** An error from the controller (compile error, protective stop, watchdog) to every client, level ERROR. */
  void broadcast(String message) {
    for (RtdeSession s : sessions) {
      s.sendText(message, 1);
    }
  }

  void stall(boolean on) {
    stalled = on;
  }

  void dropConnections() {
    for (RtdeSession s : sessions) {
      s.close();
    }
  }

  synchronized boolean claimInput(String name, RtdeSession session) {
    RtdeSession owner = inputOwners.putIfAbsent(name, session);
    return owner == null || owner == session;
  }

  synchronized void forget(RtdeSession session) {
    sessions.remove(session);
    inputOwners.values().removeIf(s -> s == session);
  }

  int clients() {
    return sessions.size();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    dropConnections();
  }
}
