package io.cellpilot.events;

import io.cellpilot.energy.record.PartEnergy;
import java.time.Instant;

/** The energy and carbon per part of the parts that entered the line between two changes of the part counter. */
public record PartEnergyRecorded(String eventId, Instant time, PartEnergy part) implements CellEvent {
  @Override
  public String type() {
    return "part-energy";
  }
}
