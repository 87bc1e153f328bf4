package io.cellpilot.sim.faults;

import java.time.Duration;
import java.util.Objects;

/** A fault that starts {@code at} (simulated time after the cell started). */
public record ScheduledFault(Duration at, Fault fault) {

  public ScheduledFault {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(fault, "fault");
    if (at.isNegative()) {
      throw new IllegalArgumentException("at must not be negative, was " + at);
    }
  }
}
