package io.cellpilot.opcua.server;

import java.time.Instant;

/**
 * The running shift's energy, carbon and OEE (NaN where unknown).
 *
 * @param shift e.g. {@code 2026-11-22/2}
 * @param locationKg CO2 at the grid's average factor; {@code marketKg} after the plant's contracts (GHG Scope 2)
 */
public record ShiftEnergySnapshot(String shift, double energyKwh, double idleKwh, double locationKg, double marketKg,
                                  long parts, long goodParts, double kwhPerGoodPart, double kgPerGoodPart,
                                  double availability, double performance, double quality, double oee,
                                  boolean idleAlarm, Instant time) {}
