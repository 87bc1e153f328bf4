package io.cellpilot.controller.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellpilot.events.PartInspected.Verdict;
import org.junit.jupiter.api.Test;

class InspectionPolicyTest {

  private static Decision decide(ModelVerdict v, String stale, String robot, String paused) {
    return InspectionPolicy.decide(new DecisionInput(v, v == null ? "no model loaded" : "", 0.5, 0.05, stale, robot,
        paused));
  }

  private static ModelVerdict score(double s) {
    return new ModelVerdict(s >= 0.5 ? Verdict.DEFECT : Verdict.GOOD, s, null);
  }

  @Test
  void aClearlyGoodPartPassesAndAClearlyDefectivePartIsRejected() {
    assertEquals(new Decision(Action.PASS, "good (score 0.2000 < threshold 0.5000)"),
        decide(score(0.2), "", "", ""));
    assertEquals(new Decision(Action.REJECT, "defective (score 0.9000 >= threshold 0.5000)"),
        decide(score(0.9), "", "", ""));
  }

  @Test
  void scoresInTheUncertainBandGoToReviewOnBothSidesOfTheThreshold() {
    assertEquals(Action.REVIEW, decide(score(0.46), "", "", "").action());
    assertEquals(Action.REVIEW, decide(score(0.54), "", "", "").action());
    assertEquals(Action.PASS, decide(score(0.449), "", "", "").action());
    assertEquals(Action.REVIEW, decide(new ModelVerdict(Verdict.UNCERTAIN, 0.1, null), "", "", "").action());
  }

  @Test
  void staleDataHoldsEvenAClearDecision() {
    Decision d = decide(score(0.9), "plc.part-id is 7.2 s old (max 5.0 s)", "", "");
    assertEquals(new Decision(Action.HOLD, "stale cell data: plc.part-id is 7.2 s old (max 5.0 s)"), d);
    assertEquals(Action.HOLD, decide(score(0.1), "x has quality BAD", "", "").action());
  }

  @Test
  void aDefectiveButUnpickablePartIsHeldAndAGoodOneStillPasses() {
    assertEquals(Action.HOLD, decide(score(0.9), "", "robot in protective stop", "").action());
    assertEquals(Action.PASS, decide(score(0.1), "", "robot in protective stop", "").action());
  }

  @Test
  void pauseMissingVerdictAndNonFiniteScoresHold() {
    assertEquals(new Decision(Action.HOLD, "controller actions paused by ann"), decide(score(0.9), "", "", "ann"));
    assertEquals(new Decision(Action.HOLD, "no verdict: no model loaded"), decide(null, "", "", ""));
    assertEquals(Action.HOLD, decide(new ModelVerdict(Verdict.GOOD, Double.NaN, null), "", "", "").action());
  }
}
