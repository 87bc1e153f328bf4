package io.cellpilot.status.testing;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real mosquitto broker process for one test class: its own config file, a free port, started, killed (SIGKILL) and
 * restarted on the same port. When mosquitto is not installed the test is skipped, unless CELLPILOT_INTEROP=required.
 */
public final class Mosquitto implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final List<String> extraConfig;
  private Process process;
  private int starts;

  public Mosquitto(Path dir, List<String> extraConfig) {
    this.dir = dir;
    this.port = freePort();
    this.extraConfig = extraConfig;
  }

  public static Mosquitto plain(Path dir) {
    return new Mosquitto(dir, List.of());
  }

  /** Skips (or fails, when CI requires the peers) if the binary is missing. */
  public static String binary() {
    for (String candidate : new String[] {"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    String msg = "mosquitto is not installed (apt-get install -y mosquitto); ./run-tests installs it";
    if ("required".equals(System.getenv("CELLPILOT_INTEROP"))) {
      throw new IllegalStateException(msg);
    }
    Assumptions.abort(msg);
    return null;
  }

  public synchronized Mosquitto start() {
    if (process != null && process.isAlive()) {
      return this;
    }
    try {
      Path conf = dir.resolve("mosquitto.conf");
      List<String> lines = new ArrayList<>();
      lines.add("listener " + port + " 127.0.0.1");
      // Started as root, mosquitto drops to user 'mosquitto', which cannot read this test's key and password files.
      lines.add("user " + System.getProperty("user.name"));
      if (extraConfig.stream().noneMatch(l -> l.startsWith("allow_anonymous"))) {
        lines.add("allow_anonymous true");
      }
      if (extraConfig.stream().noneMatch(l -> l.startsWith("persistence"))) {
        lines.add("persistence false");
      }
      lines.add("max_inflight_messages 100");
      lines.add("max_queued_messages 100000");
      lines.addAll(extraConfig);
      Files.write(conf, lines);
      ProcessBuilder pb = new ProcessBuilder(binary(), "-c", conf.toString());
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()));
      process = pb.start();
      starts++;
      await().atMost(10, SECONDS).until(this::accepting);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM: mosquitto closes every connection and writes its persistence file (when configured), then exits. */
  public synchronized void stop() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** SIGKILL: no clean shutdown, clients see the connection drop. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  public int port() {
    return port;
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  public int starts() {
    return starts;
  }

  @Override
  public void close() {
    kill();
  }

  private boolean accepting() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
