package io.cellpilot.robot.ur;

import io.cellpilot.robot.RobotException;
import io.cellpilot.robot.RobotException.Code;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of UR's secondary client interface (port 30002): writes URScript programs, and reads the robot's state
 * packages ({@code int32 length, uint8 type, ...}) only to keep the socket drained and to notice a lost link; the
 * driver takes the robot's state from RTDE.
 */
public final class SecondaryClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SecondaryClient.class);

  private final String robot;
  private final String host;
  private final int port;
  private final int timeoutMillis;
  private final AtomicLong packagesReceived = new AtomicLong();
  private Socket socket;
  private OutputStream out;
  private volatile boolean closing;

  public SecondaryClient(String robot, String host, int port, int timeoutMillis) {
    this.robot = robot;
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** Connects and starts the reader; {@code onClosed} runs once when the robot closes the link. */
  public void connect(Consumer<Exception> onClosed) {
    try {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      Thread reader = new Thread(() -> drain(in, onClosed), "ur-secondary-" + robot);
      reader.setDaemon(true);
      reader.start();
    } catch (IOException e) {
      close();
      throw new RobotException(Code.CONNECTION, "[" + robot + "] cannot connect to the secondary interface at " + host
          + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private void drain(DataInputStream in, Consumer<Exception> onClosed) {
    Exception cause;
    try {
      while (true) {
        int length = in.readInt();
        if (length < 5 || length > 1 << 20) {
          throw new IOException("secondary package length " + length + " is not plausible");
        }
        in.skipNBytes(length - 4);
        packagesReceived.incrementAndGet();
      }
    } catch (EOFException e) {
      cause = new IOException("robot closed the secondary interface connection");
    } catch (IOException e) {
      cause = e;
    }
    if (!closing) {
      log.warn("[{}] secondary interface link lost: {}", robot, cause.getMessage());
      onClosed.accept(cause);
    }
  }

  /** Writes a URScript program; returns {@link System#nanoTime()} after the bytes were handed to the socket. */
  public long send(String script) throws IOException {
    byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      if (out == null) {
        throw new IOException("not connected");
      }
      out.write(bytes);
      out.flush();
    }
    return System.nanoTime();
  }

  /** State packages received from the robot so far. */
  public long packagesReceived() {
    return packagesReceived.get();
  }

  @Override
  public void close() {
    closing = true;
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
