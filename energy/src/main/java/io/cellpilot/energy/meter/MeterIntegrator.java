package io.cellpilot.energy.meter;

import java.time.Instant;

/**
 * Turns one meter's samples, in time order, into energy increments. Not thread-safe: one caller feeds it.
 * Implementations: {@link CounterIntegrator} (kWh register) and {@link PowerIntegrator} (active power).
 */
public interface MeterIntegrator {

  /** Takes in one sample measured at {@code time}: kWh for a counter, kW for a power meter. */
  Step feed(Instant time, double value);

  /** What the integrator has seen so far: accepted, rejected, gaps, resets, rollovers. */
  MeterHealth health();

  /** A fresh integrator of the given kind and limits. */
  static MeterIntegrator of(MeterKind kind, MeterLimits limits) {
    return kind == MeterKind.COUNTER ? new CounterIntegrator(limits) : new PowerIntegrator(limits);
  }
}
