package io.cellpilot.controller.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellpilot.events.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmLogicTest {
  private static final AlarmThresholds T = new AlarmThresholds(4, 3, 8, 6, 3, 2);

  /** The active severity after each score. */
  private static List<Severity> run(double... scores) {
    AlarmState s = AlarmState.INACTIVE;
    List<Severity> out = new ArrayList<>();
    for (double score : scores) {
      s = AlarmLogic.next(s, score, T);
      out.add(s.active());
    }
    return out;
  }

  @Test
  void aWarningNeedsConsecutiveWindowsAboveTheRaiseLevel() {
    List<Severity> r = run(5, 5, 1, 5, 5, 5);
    assertEquals(java.util.Arrays.asList(null, null, null, null, null, Severity.WARNING), r);
  }

  @Test
  void scoresInsideTheHysteresisBandNeitherRaiseNorClear() {
    List<Severity> r = run(5, 5, 5, 3.5, 3.5, 3.5, 2, 2);
    assertEquals(Severity.WARNING, r.get(5), "3.5 is below the raise level but above the clear level");
    assertNull(r.get(7), "two windows below 3 clear it");
  }

  @Test
  void criticalEscalatesAndEasesBackToWarningBeforeClearing() {
    List<Severity> r = run(9, 9, 9, 7, 5, 5, 2, 2);
    assertEquals(Severity.CRITICAL, r.get(2));
    assertEquals(Severity.CRITICAL, r.get(3), "7 is inside the critical band");
    assertEquals(Severity.WARNING, r.get(5), "below 6 twice, still above 3");
    assertNull(r.get(7));
  }

  @Test
  void aNanScoreFromALearningDetectorChangesNothing() {
    AlarmState s = AlarmLogic.next(AlarmLogic.next(AlarmState.INACTIVE, 5, T), 5, T);
    assertEquals(s, AlarmLogic.next(s, Double.NaN, T));
    assertEquals(Severity.WARNING, AlarmLogic.next(s, 5, T).active());
  }
}
