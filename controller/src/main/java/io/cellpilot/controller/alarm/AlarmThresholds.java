package io.cellpilot.controller.alarm;

/**
 * When a score raises and clears an alarm. Each clear level lies below its raise level (the hysteresis band), and a
 * level must hold for several consecutive windows before anything changes, so a noisy score does not flap.
 */
public record AlarmThresholds(
    double warningRaise,
    double warningClear,
    double criticalRaise,
    double criticalClear,
    int raiseAfter,
    int clearAfter) {

  public AlarmThresholds {
    if (!(warningClear < warningRaise && criticalClear < criticalRaise && warningRaise <= criticalRaise)) {
      throw new IllegalArgumentException("need warningClear < warningRaise <= criticalRaise and criticalClear < "
          + "criticalRaise, got " + warningClear + ", " + warningRaise + ", " + criticalClear + ", " + criticalRaise);
    }
    if (raiseAfter < 1 || clearAfter < 1) {
      throw new IllegalArgumentException("raiseAfter and clearAfter must be at least 1");
    }
  }
}
