package io.cellpilot.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulatorCommandsTest {

  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void simulateRunsForTheGivenSimulatedTimePrintingEndpointsAndSummaries() throws Exception {
    Path config = tmp.resolve("sim.yml");
    Files.writeString(config, """
        seed: 3
        plc: {port: 0}
        mqtt: {embedded-port: 0, client-id: simulate-command-test}
        camera: {folder: images}
        """);
    Run r = run(new SimulateCommand(), "--config", config.toString(), "--time-scale", "20", "--duration", "10s",
        "--summary-every", "200ms");

    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("opc.tcp://127.0.0.1:"), r.out());
    assertTrue(r.out().contains("camera folder  " + tmp.resolve("images")), r.out());
    assertTrue(r.out().contains("| line RUNNING | parts "), r.out());
    assertTrue(Files.list(tmp.resolve("images")).findAny().isPresent(), "the configured folder keeps its images");
  }

  @Test
  void simulateRejectsABadConfigurationNamingTheKeyWithExitCode2() throws Exception {
    Path config = tmp.resolve("bad.yml");
    Files.writeString(config, "line:\n  defect-rate: 1.7\n");
    Run r = run(new SimulateCommand(), "--config", config.toString());

    assertEquals(2, r.code());
    assertEquals("cellpilot simulate: " + config + ": line.defect-rate must be between 0 and 1, was 1.7",
        r.err().trim());
  }

  @Test
  void generateDatasetWritesTheTreeAndSaysWhatItWrote() {
    Run r = run(new GenerateDatasetCommand(), "--out", tmp.resolve("ds").toString(), "--seed", "4",
        "--train-good", "3", "--test-good", "1", "--test-defects", "1", "--size", "64", "--kinds", "crack,pit");

    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("wrote 6 images (3 train/good, 1 test/good, 2 defective with masks) of 64x64"),
        r.out());
    assertTrue(Files.exists(tmp.resolve("ds/ground_truth/pit/000_mask.png")));
    assertTrue(Files.notExists(tmp.resolve("ds/test/stain")));
  }

  @Test
  void generateDatasetRejectsAnUnknownKind() {
    Run r = run(new GenerateDatasetCommand(), "--out", tmp.resolve("ds").toString(), "--train-good", "1",
        "--test-good", "1", "--test-defects", "1", "--kinds", "dent");

    assertEquals(2, r.code());
    assertTrue(r.err().contains("--kinds must list kinds among scratch, crack, pit, stain, missing-feature, was \"dent\""),
        r.err());
  }
}
