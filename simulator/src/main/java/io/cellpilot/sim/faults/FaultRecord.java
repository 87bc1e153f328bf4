package io.cellpilot.sim.faults;

import java.time.Duration;
import java.time.Instant;

/**
 * A fault that has started, for scoring detection: when it started in simulated time (the clock the devices'
 * timestamps use) and on the wall clock, and when it ends ({@code null}: it lasts).
 */
public record FaultRecord(int id, Fault fault, Instant simStart, Instant wallStart, Instant simEnd) {

  public String kind() {
    return fault.kind();
  }

  public String target() {
    return fault.target();
  }

  /** True while the fault is in effect at simulated instant {@code simNow}. */
  public boolean activeAt(Instant simNow) {
    return !simNow.isBefore(simStart) && (simEnd == null || simNow.isBefore(simEnd));
  }

  /** Simulated time since the fault started. */
  public Duration age(Instant simNow) {
    return Duration.between(simStart, simNow);
  }
}
