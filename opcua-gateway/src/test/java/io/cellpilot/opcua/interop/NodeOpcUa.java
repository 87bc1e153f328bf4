package io.cellpilot.opcua.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code interop/opcua/browse-and-read.js} with node. When node or the installed packages are missing the test is
 * skipped with a clear message, unless {@code CELLPILOT_INTEROP=required} (set by {@code run-tests}): then it fails.
 */
final class NodeOpcUa {
  static final Path DIR = Path.of("..", "interop", "opcua").toAbsolutePath().normalize();

  private NodeOpcUa() {}

  static void requireInstalled() {
    String problem = null;
    if (!Files.isDirectory(DIR.resolve("node_modules/node-opcua"))) {
      problem = "node-opcua is not installed in " + DIR + " (run: cd interop/opcua && npm ci)";
    } else if (!nodeRuns()) {
      problem = "node is not on the PATH (install Node.js 18 or newer)";
    }
    if (problem != null) {
      if ("required".equals(System.getenv("CELLPILOT_INTEROP"))) {
        fail("CELLPILOT_INTEROP=required but " + problem);
      }
      Assumptions.abort("interop check skipped: " + problem);
    }
  }

  /** Runs the script and returns its stdout lines; fails with its stderr when it does not end with DONE. */
  static List<String> run(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "browse-and-read.js"));
    command.addAll(args);
    Path stdout = Files.createTempFile("node-opcua-out", ".txt");
    Path stderr = Files.createTempFile("node-opcua-err", ".txt");
    Process process = new ProcessBuilder(command).directory(DIR.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("node-opcua script did not finish within 90 s: " + Files.readString(stderr));
    }
    // node-opcua logs its own warnings to stdout; keep only the script's lines.
    List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("BROWSE ") || l.startsWith("READ ") || l.equals("DONE")).toList();
    String err = Files.readString(stderr);
    assertEquals(0, process.exitValue(), "node-opcua script failed: " + err + "\n" + lines);
    assertTrue(lines.contains("DONE"), err);
    return lines;
  }

  private static boolean nodeRuns() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
