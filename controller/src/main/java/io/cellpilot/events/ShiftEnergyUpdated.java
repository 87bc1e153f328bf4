package io.cellpilot.events;

import io.cellpilot.energy.record.ShiftRecord;
import java.time.Instant;

/**
 * The running shift's energy, carbon and OEE so far (published every energy period), or a shift that has just closed
 * ({@code shift.closed()}).
 *
 * @param idleAlarm the idle-energy alarm is active
 */
public record ShiftEnergyUpdated(String eventId, Instant time, ShiftRecord shift, boolean idleAlarm)
    implements CellEvent {
  @Override
  public String type() {
    return "shift-energy";
  }
}
