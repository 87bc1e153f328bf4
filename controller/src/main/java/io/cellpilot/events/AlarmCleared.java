package io.cellpilot.events;

import java.time.Instant;

/**
 * An alarm is no longer active.
 *
 * @param clearedBy {@code auto} when the condition went away, otherwise the user who reset it
 */
public record AlarmCleared(
    String eventId,
    Instant time,
    String alarmId,
    String source,
    String clearedBy)
    implements CellEvent {
  @Override
  public String type() {
    return "alarm-cleared";
  }
}
