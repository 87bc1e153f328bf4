package io.cellpilot.events;

import java.time.Instant;

/**
 * A meter's periodic reading with the figures derived from it.
 *
 * @param energyPerPartWh energy of the last completed part interval, NaN until one is known
 * @param co2Kg carbon of {@code energyKwh} at the configured grid factor
 */
public record EnergyUpdated(
    String eventId,
    Instant time,
    String meter,
    double powerKw,
    double energyKwh,
    double energyPerPartWh,
    double co2Kg)
    implements CellEvent {
  @Override
  public String type() {
    return "energy-updated";
  }
}
