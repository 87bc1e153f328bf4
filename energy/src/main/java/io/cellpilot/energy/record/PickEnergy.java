package io.cellpilot.energy.record;

import java.time.Instant;

/**
 * A robot pick's energy from the robot's meter over the pick, kWh (NaN when unknown), beside the robot's own
 * estimate from its joint currents and voltages when it gave one (NaN otherwise).
 */
public record PickEnergy(String partId, Instant from, Instant to, double meterKwh, double robotReportedKwh) {}
