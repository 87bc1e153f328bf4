package io.cellpilot.controller.cellserver;

import io.cellpilot.opcua.server.LineKpis;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * OEE of the line since the controller started: availability x performance x quality, each 0..1 (NaN while
 * unknown). Not thread-safe; one caller feeds it.
 *
 * <ul>
 *   <li>availability: running time / (running + faulted time). A STOPPED line counts as not planned to run, and
 *       time while the PLC cannot be read (UNKNOWN) is left out, since nobody knows what the line did;</li>
 *   <li>performance: ideal cycle time x parts / running time, at most 1 (unknown without an ideal cycle time);</li>
 *   <li>quality: good parts / inspected parts.</li>
 * </ul>
 */
final class LineKpiCalculator {
  private final Optional<Duration> idealCycleTime;
  private String state = "UNKNOWN";
  private Instant since;
  private long runningNanos;
  private long faultedNanos;
  private long good;
  private long total;

  LineKpiCalculator(Optional<Duration> idealCycleTime) {
    this.idealCycleTime = idealCycleTime;
  }

  void state(String newState, Instant at) {
    accumulate(at);
    state = newState;
  }

  void parts(long goodParts, long totalParts) {
    good = goodParts;
    total = totalParts;
  }

  LineKpis kpis(Instant now) {
    accumulate(now);
    double run = runningNanos / 1e9;
    double planned = (runningNanos + faultedNanos) / 1e9;
    double availability = planned > 0 ? run / planned : Double.NaN;
    double performance = idealCycleTime.isPresent() && run > 0
        ? Math.min(1.0, idealCycleTime.get().toNanos() / 1e9 * total / run) : Double.NaN;
    double quality = total > 0 ? (double) good / total : Double.NaN;
    return new LineKpis(state, availability, performance, quality, availability * performance * quality, good, total,
        now);
  }

  private void accumulate(Instant now) {
    if (since != null && now.isAfter(since)) {
      long d = Duration.between(since, now).toNanos();
      if (state.equals("RUNNING")) {
        runningNanos += d;
      } else if (state.equals("FAULTED")) {
        faultedNanos += d;
      }
    }
    if (since == null || now.isAfter(since)) {
      since = now;
    }
  }
}
