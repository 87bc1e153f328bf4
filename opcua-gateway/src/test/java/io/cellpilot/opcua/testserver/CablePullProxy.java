package io.cellpilot.opcua.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback that can be "unplugged": while pulled, bytes are held (not dropped, not refused), so both
 * ends see a silent connection exactly like a pulled cable or a frozen switch. Only keep-alives can notice that.
 */
public final class CablePullProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private volatile boolean pulled;
  private volatile boolean closed;

  public CablePullProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "cable-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** From now on no byte passes, in either direction; connections stay open. */
  public void pull() {
    pulled = true;
  }

  /** Bytes flow again (held ones first). */
  public void plugIn() {
    synchronized (gate) {
      pulled = false;
      gate.notifyAll();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          waitWhilePulled();
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // one side went away: close the other, as a relay does
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "cable-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void waitWhilePulled() throws InterruptedException {
    synchronized (gate) {
      while (pulled && !closed) {
        gate.wait();
      }
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    plugIn();
    listener.close();
    sockets.forEach(CablePullProxy::closeQuietly);
  }
}
