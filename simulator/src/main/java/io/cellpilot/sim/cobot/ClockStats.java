package io.cellpilot.sim.cobot;

/**
 * How steady the simulated controller's control clock ran: cycles run, cycles that started more than one period
 * after their due time, and the worst lateness.
 */
public record ClockStats(long cycles, long lateCycles, long maxLatenessMicros) {}
