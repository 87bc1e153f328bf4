package io.cellpilot.controller.inspection;

import io.cellpilot.events.PartInspected.Verdict;
import java.util.Locale;

/**
 * The inspection decision as a pure function. Order matters: nothing is acted on while paused or with stale data;
 * then without a usable verdict; then uncertain scores go to an operator; only then does the score against the
 * threshold choose between pass and reject, and a reject needs a ready robot. CellPilot only ever rejects or holds a
 * part here; it never overrides the cell's safety devices.
 */
public final class InspectionPolicy {
  private InspectionPolicy() {}

  public static Decision decide(DecisionInput in) {
    if (!in.pausedBy().isEmpty()) {
      return new Decision(Action.HOLD, "controller actions paused by " + in.pausedBy());
    }
    if (!in.staleProblem().isEmpty()) {
      return new Decision(Action.HOLD, "stale cell data: " + in.staleProblem());
    }
    if (in.verdict() == null) {
      return new Decision(Action.HOLD, "no verdict: " + in.modelProblem());
    }
    double score = in.verdict().score();
    if (!Double.isFinite(score) || !Double.isFinite(in.threshold())) {
      return new Decision(Action.HOLD, "no usable score (score " + score + ", threshold " + in.threshold() + ")");
    }
    if (in.verdict().verdict() == Verdict.UNCERTAIN) {
      return new Decision(Action.REVIEW, "model is uncertain " + compare(score, in.threshold()));
    }
    if (Math.abs(score - in.threshold()) < in.uncertainBand()) {
      return new Decision(Action.REVIEW, String.format(Locale.ROOT, "score %.4f within %.4f of threshold %.4f",
          score, in.uncertainBand(), in.threshold()));
    }
    if (score >= in.threshold()) {
      if (!in.robotProblem().isEmpty()) {
        return new Decision(Action.HOLD, "defective " + compare(score, in.threshold())
            + " but the robot cannot pick: " + in.robotProblem());
      }
      return new Decision(Action.REJECT, "defective " + compare(score, in.threshold()));
    }
    return new Decision(Action.PASS, "good " + compare(score, in.threshold()));
  }

  private static String compare(double score, double threshold) {
    return String.format(Locale.ROOT, "(score %.4f %s threshold %.4f)", score, score >= threshold ? ">=" : "<",
        threshold);
  }
}
