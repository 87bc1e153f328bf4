package io.cellpilot.opcua.server;

import java.time.Instant;

/**
 * One energy meter and the figures derived from it.
 *
 * @param energyPerPartWh energy of the last part interval, NaN until one is known
 * @param co2Kg carbon of {@code energyKwh} at the configured grid factor
 */
public record EnergySnapshot(String meter, double powerKw, double energyKwh, double energyPerPartWh, double co2Kg,
                             Instant time) {}
