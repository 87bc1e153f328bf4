package io.cellpilot.sim.cobot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A listening socket that hands each client to {@code handler} on its own daemon thread, and can drop them all. */
final class TcpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TcpServer.class);

  private final String name;
  private final ServerSocket serverSocket;
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final Consumer<Socket> handler;

  TcpServer(String name, String bindAddress, int port, Consumer<Socket> handler) throws IOException {
    this.name = name;
    this.handler = handler;
    this.serverSocket = new ServerSocket(port, 16, InetAddress.getByName(bindAddress));
    Thread acceptor = new Thread(this::acceptLoop, "sim-cobot-" + name + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  Set<Socket> clients() {
    return clients;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        clients.add(socket);
        Thread t = new Thread(() -> {
          try {
            handler.accept(socket);
          } finally {
            clients.remove(socket);
            closeQuietly(socket);
          }
        }, "sim-cobot-" + name + "-" + socket.getPort());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!serverSocket.isClosed()) {
          log.warn("[{}] accept failed: {}", name, e.toString());
        }
      }
    }
  }

  void dropConnections() {
    for (Socket s : clients) {
      closeQuietly(s);
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    dropConnections();
  }

  static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
