package io.cellpilot.controller.alarm;

import io.cellpilot.events.Severity;

/**
 * Where one alarm condition stands: the active severity (null when inactive) and the runs of consecutive windows
 * above each raise level and below each clear level.
 */
public record AlarmState(Severity active, int aboveWarning, int aboveCritical, int belowWarningClear,
    int belowCriticalClear) {

  public static final AlarmState INACTIVE = new AlarmState(null, 0, 0, 0, 0);

  public boolean isActive() {
    return active != null;
  }
}
