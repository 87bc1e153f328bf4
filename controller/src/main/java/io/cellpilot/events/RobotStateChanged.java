package io.cellpilot.events;

import java.time.Instant;

/**
 * The robot driver's or the robot's own state changed.
 *
 * @param driverState UNCONFIGURED, INACTIVE, ACTIVE or FAULT
 * @param robotMode the robot's mode as it reports it, e.g. RUNNING, POWER_OFF
 * @param safetyMode the robot's safety mode as it reports it, e.g. NORMAL, PROTECTIVE_STOP
 * @param speedScaling the speed fraction in force (0..1)
 */
public record RobotStateChanged(
    String eventId,
    Instant time,
    String robotId,
    String driverState,
    String robotMode,
    String safetyMode,
    boolean programRunning,
    double speedScaling)
    implements CellEvent {
  @Override
  public String type() {
    return "robot-state-changed";
  }
}
