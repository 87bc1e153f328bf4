package io.cellpilot.robot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.cli.CellPilotCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RobotBenchCommandTest {

  @Test
  void aShortBenchRunReportsRtdeTimingAndCommandLatencyWithItsBaseline() {
    StringWriter text = new StringWriter();
    int code = CellPilotCommand.newCommandLine().setOut(new PrintWriter(text))
        .execute("bench", "robot", "--minutes", "0.05", "--warmup-seconds", "1", "--hz", "125");
    String out = text.toString();
    assertEquals(0, code, out);
    Matcher packages = Pattern.compile("RTDE at the client: (\\d+) packages").matcher(out);
    assertTrue(packages.find(), out);
    // 3 s at 125 Hz: about 375 packages, whatever the load.
    assertTrue(Integer.parseInt(packages.group(1)) > 250, out);
    assertTrue(out.contains("driver (guard + URScript + write): p50"), out);
    assertTrue(out.contains("baseline (bare socket write):       p50"), out);
  }
}
