package io.cellpilot.events;

import java.time.Instant;

/**
 * The outcome of the robot's reject pick for one part.
 *
 * @param commandId the robot command (or routine) id that carried the pick
 * @param reason why the pick failed or was skipped; empty when it was picked
 */
public record PartRejected(
    String eventId,
    Instant time,
    String partId,
    String robotId,
    String commandId,
    Outcome outcome,
    double cycleSeconds,
    double energyWh,
    String reason)
    implements CellEvent {

  @Override
  public String type() {
    return "part-rejected";
  }

  public enum Outcome { PICKED, FAILED, SKIPPED }
}
