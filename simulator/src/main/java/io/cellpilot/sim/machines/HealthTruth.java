package io.cellpilot.sim.machines;

/**
 * The true condition of a machine's drive at one instant, before any sensor error: vibration velocity RMS (mm/s),
 * motor current (A), bearing temperature (degC), shaft rotation frequency (Hz, 0 when stopped) and the bearing
 * fault's severity (0 healthy .. 1 worn out).
 */
public record HealthTruth(
    double vibrationRms, double motorCurrent, double bearingTemperature, double shaftHz, double bearingSeverity) {}
