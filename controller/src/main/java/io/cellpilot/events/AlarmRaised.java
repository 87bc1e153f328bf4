package io.cellpilot.events;

import java.time.Instant;

/**
 * An alarm became active, or its severity changed while active.
 *
 * @param alarmId stable id of the alarm condition, e.g. {@code health/press}
 * @param source the machine, sensor or subsystem the alarm is about
 * @param score the detector score that raised it, NaN when the alarm has no score
 */
public record AlarmRaised(
    String eventId,
    Instant time,
    String alarmId,
    String source,
    Severity severity,
    String message,
    double score)
    implements CellEvent {
  @Override
  public String type() {
    return "alarm-raised";
  }
}
