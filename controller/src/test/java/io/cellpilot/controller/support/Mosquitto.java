package io.cellpilot.controller.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto broker for tests, on a free loopback port with its own configuration: no anonymous access, one
 * user with a password, no persistence. Skipped when Mosquitto is not installed, unless {@code CELLPILOT_INTEROP=
 * required} (set by ./run-tests, which installs it), where a missing broker fails the test instead. It runs as the
 * test's own user: started as root, Mosquitto would otherwise switch to its service user and could not read the
 * test's private folder.
 */
public final class Mosquitto implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final String binary;
  private Process process;

  private Mosquitto(Path dir, String binary) throws IOException {
    this.dir = dir;
    this.binary = binary;
    try (ServerSocket s = new ServerSocket(0)) {
      this.port = s.getLocalPort();
    }
  }

  /** Starts a broker that accepts only {@code user}/{@code password}. */
  public static Mosquitto start(Path dir, String user, String password) throws Exception {
    String binary = find();
    Mosquitto m = new Mosquitto(dir, binary);
    Path passwords = dir.resolve("passwords");
    run(List.of(Path.of(binary).resolveSibling("mosquitto_passwd").toString(), "-b", "-c", passwords.toString(),
        user, password));
    if (!Files.exists(passwords)) {
      run(List.of("mosquitto_passwd", "-b", "-c", passwords.toString(), user, password));
    }
    Files.writeString(dir.resolve("mosquitto.conf"), """
        listener %d 127.0.0.1
        user %s
        allow_anonymous false
        password_file %s
        persistence false
        log_dest stderr
        """.formatted(m.port, System.getProperty("user.name"), passwords));
    m.startProcess();
    return m;
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** SIGKILL, as a crash or a pulled plug would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Starts again on the same port. */
  public void restart() throws Exception {
    startProcess();
  }

  private void startProcess() throws Exception {
    process = new ProcessBuilder(binary, "-c", dir.resolve("mosquitto.conf").toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("mosquitto.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        if (!process.isAlive()) {
          fail("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
        }
        // not listening yet: a connect timeout already paced this loop
      }
    }
    fail("mosquitto did not listen on " + port + " within 15 s");
  }

  private static String find() {
    for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    if ("required".equals(System.getenv("CELLPILOT_INTEROP"))) {
      fail("mosquitto is not installed (apt-get install -y mosquitto mosquitto-clients)");
    }
    Assumptions.abort("mosquitto is not installed");
    return null;
  }

  private static void run(List<String> command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      // the caller checks for the file and tries the next way
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
