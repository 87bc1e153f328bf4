package io.cellpilot.controller.inspection;

import io.cellpilot.events.PartRejected.Outcome;

/** How a reject pick ended. {@code reason} is empty when the part was picked. */
public record RejectOutcome(
    Outcome outcome, String robotId, String commandId, double cycleSeconds, double energyWh, String reason) {

  public static RejectOutcome skipped(String robotId, String reason) {
    return new RejectOutcome(Outcome.SKIPPED, robotId, "", Double.NaN, Double.NaN, reason);
  }
}
