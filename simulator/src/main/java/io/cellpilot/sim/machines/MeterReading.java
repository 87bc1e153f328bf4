package io.cellpilot.sim.machines;

/** One reading of a power meter: active power, the energy counter (monotonic), line voltage and current. */
public record MeterReading(double activePowerKw, double energyKwh, double voltageV, double currentA) {}
