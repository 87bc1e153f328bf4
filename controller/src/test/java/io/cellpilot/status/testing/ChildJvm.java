package io.cellpilot.status.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A second JVM on this test's class path, so that a test can SIGKILL a writer mid-stream. Lines the child prints to
 * stdout are collected; stderr goes to a log file.
 */
public final class ChildJvm implements AutoCloseable {
  /** The prefix of a line a child reports to the test, e.g. {@code "> 0193a5f2c1e0-00000000002a"}. */
  public static final String REPORT = "> ";

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          // Only what the child reports; its log lines may share stdout.
          if (line.startsWith(REPORT)) {
            lines.add(line.substring(REPORT.length()));
          }
        }
      } catch (IOException e) {
        // the child was killed
      }
    }, "child-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  public static ChildJvm start(Class<?> main, Path log, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      return new ChildJvm(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reported lines so far, without the prefix. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  public int lineCount() {
    return lines.size();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hooks, no flush, no goodbye. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }
}
