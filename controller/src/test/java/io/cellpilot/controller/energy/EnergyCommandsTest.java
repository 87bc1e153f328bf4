package io.cellpilot.controller.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.cli.CellPilotCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cellpilot report} and {@code cellpilot bench energy} are reachable from the launcher and say what is wrong. */
class EnergyCommandsTest {

  private static String[] run(String... args) {
    CommandLine cmd = CellPilotCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void aReportOverARangeWithoutRecordsSaysSoAndExitsNonZero(@TempDir Path dir) {
    String[] r = run("report", "--records", dir.toString(), "--from", "2026-11-01", "--to", "2026-11-02");
    assertEquals("1", r[0]);
    assertTrue(r[2].startsWith("cellpilot report: no shift records between 2026-11-01T00:00:00Z and "
        + "2026-11-02T00:00:00Z in " + dir), r[2]);
    r = run("report", "--records", dir.toString(), "--from", "1 Nov", "--to", "2026-11-02");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("--from must be a day (2026-11-01) or an instant"), r[2]);
  }

  @Test
  void theEnergyBenchmarkRunsTheEngineAndTheBareLoopInOneRun() {
    String[] r = run("bench", "energy", "--samples", "30000", "--rounds", "1");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("engine / bare: ") && r[1].contains("energy totals agree within"), r[1]);
  }
}
