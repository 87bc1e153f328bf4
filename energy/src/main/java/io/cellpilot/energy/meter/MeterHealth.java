package io.cellpilot.energy.meter;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of what one meter's integrator did, so that nothing it dropped is silent.
 *
 * @param gapSeconds time not measured (power gaps and counter resets), seconds
 * @param lastRejection the last rejected sample's reason with its value; empty when none
 */
public record MeterHealth(long accepted, Map<Step.Reason, Long> rejected, long gaps, double gapSeconds, long resets,
                          long rollovers, String lastRejection) {

  /** All rejected samples. */
  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Mutable counters behind {@link MeterHealth}; package-private plumbing for the integrators. */
  static final class Counts {
    long accepted;
    final long[] rejected = new long[Step.Reason.values().length];
    long gaps;
    double gapSeconds;
    long resets;
    long rollovers;
    String lastRejection = "";

    Step reject(Step.Reason reason, String detail) {
      rejected[reason.ordinal()]++;
      lastRejection = detail;
      return new Step.Rejected(reason, detail);
    }

    void gap(Increment i) {
      gaps++;
      gapSeconds += i.seconds();
    }

    MeterHealth snapshot() {
      Map<Step.Reason, Long> r = new EnumMap<>(Step.Reason.class);
      for (Step.Reason reason : Step.Reason.values()) {
        r.put(reason, rejected[reason.ordinal()]);
      }
      return new MeterHealth(accepted, Map.copyOf(r), gaps, gapSeconds, resets, rollovers, lastRejection);
    }
  }
}
