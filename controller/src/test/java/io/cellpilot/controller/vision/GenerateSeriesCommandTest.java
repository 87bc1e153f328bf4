package io.cellpilot.controller.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateSeriesCommandTest {
  @TempDir
  Path dir;

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = new CommandLine(new GenerateSeriesCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void tenSimulatedMinutesGiveOneRowPerSecondPerMachineAndTheSameSeedTheSameFiles() throws Exception {
    StringWriter out = new StringWriter();
    Path scenario = Files.writeString(dir.resolve("faults.yml"),
        "faults:\n  - {kind: bearing, at: 5m, machine: press, growth: 2m}\n");
    assertEquals(0, run(out, new StringWriter(), "--out", dir.resolve("a").toString(), "--duration", "10m",
        "--seed", "5", "--no-faults", "--scenario", scenario.toString()), out.toString());
    List<String> press = Files.readAllLines(dir.resolve("a/press.csv"));
    assertEquals("timestamp,vibration,current,bearing-temperature", press.get(0));
    assertTrue(press.size() > 590 && press.size() <= 601, "rows: " + press.size());
    assertTrue(Files.readString(dir.resolve("a/faults.csv")).contains("bearing,press,"));
    assertTrue(Files.exists(dir.resolve("a/conveyor.csv")));

    assertEquals(0, run(new StringWriter(), new StringWriter(), "--out", dir.resolve("b").toString(), "--duration",
        "10m", "--seed", "5", "--no-faults", "--scenario", scenario.toString(), "--channels", "current,vibration"));
    List<String> again = Files.readAllLines(dir.resolve("b/press.csv"));
    assertEquals("timestamp,current,vibration", again.get(0));
    String[] first = press.get(100).split(",");
    assertEquals(first[0] + "," + first[2] + "," + first[1], again.get(100), "same seed, same values");
  }

  @Test
  void aBadDurationOrChannelIsOneLineNamingTheOption() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "--out", dir.toString(), "--duration", "soon"));
    assertTrue(err.toString().contains("--duration must be a duration such as 90s, 30m or 3h, was soon"),
        err.toString());
    StringWriter err2 = new StringWriter();
    assertEquals(2, run(new StringWriter(), err2, "--out", dir.toString(), "--duration", "1m", "--channels",
        "vibration,pressure"));
    assertTrue(err2.toString().contains("--channels: no channel pressure"), err2.toString());
  }
}
