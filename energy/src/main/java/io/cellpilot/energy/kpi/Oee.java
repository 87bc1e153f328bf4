package io.cellpilot.energy.kpi;

import java.time.Duration;

/**
 * Overall equipment effectiveness of one period, the three factors and their product, each 0..1 (NaN when unknown).
 *
 * <ul>
 *   <li>availability = running time / planned time, planned = running + faulted (a STOPPED line is not planned to
 *       run; time the PLC could not be read is left out, since nobody knows what the line did);</li>
 *   <li>performance = ideal cycle time x parts made / running time, capped at 1;</li>
 *   <li>quality = good parts / inspected parts.</li>
 * </ul>
 */
public record Oee(double availability, double performance, double quality, double oee) {

  /** OEE from the period's times and counts; {@code idealCycle} may be null (performance unknown). */
  public static Oee of(Duration running, Duration faulted, Duration idealCycle, long parts, long good, long inspected) {
    double run = running.toNanos() / 1e9;
    double planned = run + faulted.toNanos() / 1e9;
    double availability = planned > 0 ? run / planned : Double.NaN;
    double performance = idealCycle != null && run > 0
        ? Math.min(1.0, idealCycle.toNanos() / 1e9 * parts / run) : Double.NaN;
    double quality = inspected > 0 ? (double) good / inspected : Double.NaN;
    return new Oee(availability, performance, quality, availability * performance * quality);
  }
}
