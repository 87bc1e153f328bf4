package io.cellpilot.controller.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.events.AlarmCleared;
import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.InspectionCounts;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {
  private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

  private static PartInspected inspected(String part, PartInspected.Action action, double score,
      InspectionCounts counts) {
    PartInspected.Verdict verdict = action == PartInspected.Action.REJECT ? PartInspected.Verdict.DEFECT
        : action == PartInspected.Action.PASS ? PartInspected.Verdict.GOOD : PartInspected.Verdict.UNCERTAIN;
    return new PartInspected("e-" + part, T, part, verdict, action == PartInspected.Action.REJECT ? "scratch" : null,
        score, 0.5, "v1", "sha", action, counts);
  }

  @Test
  void countsComeFromTheLatestInspectionAndOnlyTheLastFourVerdictsAreShown() {
    DemoSummary summary = new DemoSummary();
    for (int i = 1; i <= 6; i++) {
      summary.accept(inspected("P" + i, i == 5 ? PartInspected.Action.REJECT : PartInspected.Action.PASS, 0.1 * i,
          new InspectionCounts(i, i >= 5 ? i - 1 : i, i >= 5 ? 1 : 0, 0)));
    }

    List<String> lines = summary.lines(null);

    assertEquals("  controller: line unknown | inspected 6: good 5, rejected 1, review 0 | robot picks to bin 0,"
        + " failed 0", lines.get(0));
    assertEquals("  last verdicts: P3 good 0.30  P4 good 0.40  P5 REJECT scratch 0.50  P6 good 0.60", lines.get(1));
  }

  @Test
  void picksAlarmsAndTheRobotAreShownAsTheyStandNow() {
    DemoSummary summary = new DemoSummary();
    summary.accept(new PartRejected("e1", T, "P1", "r1", "pick-1", PartRejected.Outcome.PICKED, 5.0, 0.1, ""));
    summary.accept(new PartRejected("e2", T, "P2", "r1", "pick-2", PartRejected.Outcome.SKIPPED, 0, 0, "busy"));
    summary.accept(new AlarmRaised("e3", T, "press-health", "press", Severity.CRITICAL, "bearing", 7.5));
    summary.accept(new AlarmRaised("e4", T, "conveyor-health", "conveyor", Severity.WARNING, "drift", 6.1));
    summary.accept(new AlarmCleared("e5", T, "conveyor-health", "conveyor", "hysteresis"));

    List<String> lines = summary.lines(new RobotStatus("r1", true, true, "ACTIVE", "idle"));

    assertTrue(lines.get(0).endsWith("robot picks to bin 1, failed 1"), lines.get(0));
    assertEquals("  robot r1: ACTIVE, ready | idle", lines.get(2));
    assertEquals("  ALARM CRITICAL press: bearing (score 7.5)", lines.get(3));
    assertEquals(4, lines.size());
    assertEquals(1, summary.picked());
  }
}
