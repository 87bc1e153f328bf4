package io.cellpilot.events;

import java.time.Instant;

/**
 * The line's state as the PLC reports it, and whether the controller has paused its own actions.
 *
 * @param state STOPPED, RUNNING, FAULTED, or UNKNOWN while the PLC cannot be read
 */
public record LineStateChanged(
    String eventId,
    Instant time,
    String state,
    boolean paused,
    String reason)
    implements CellEvent {
  @Override
  public String type() {
    return "line-state-changed";
  }
}
