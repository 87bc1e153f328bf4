package io.cellpilot.energy.meter;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Energy from a meter's kWh register. The energy is the counter's difference, so it stays exact across missing
 * samples (a long span is flagged: its energy is known, its spread over time is not). The register's rollover at
 * {@link MeterLimits#rolloverKwh()} is counted across; a counter that goes back otherwise was reset or replaced, and
 * the span up to it is a gap (never negative energy). A step implying more than the meter's max power is rejected;
 * three such readings in a row that agree with each other mean the meter was replaced with one reading higher, and
 * the integrator starts again from them.
 */
public final class CounterIntegrator implements MeterIntegrator {
  /** Readings in a row, consistent with each other but not with the last accepted one, that mean a new meter. */
  static final int CONFIRM_REPLACEMENT = 3;
  /** Float registers jitter in their last digit; a step back this small is no reset. */
  private static final double JITTER_KWH = 1e-6;

  private final MeterLimits limits;
  private final long maxGapNanos;
  private final MeterHealth.Counts counts = new MeterHealth.Counts();
  private Instant lastTime;
  private double lastKwh;
  private Instant candidateTime;
  private double candidateKwh;
  private int candidates;

  public CounterIntegrator(MeterLimits limits) {
    this.limits = limits;
    this.maxGapNanos = limits.maxGap().toNanos();
  }

  @Override
  public Step feed(Instant time, double kwh) {
    if (!Double.isFinite(kwh)) {
      return counts.reject(Step.Reason.NOT_FINITE, "energy counter " + kwh + " kWh is not a number");
    }
    if (kwh < 0) {
      return counts.reject(Step.Reason.NEGATIVE, String.format(Locale.ROOT, "energy counter %.6f kWh is negative", kwh));
    }
    if (limits.rolloverKwh() > 0 && kwh > limits.rolloverKwh()) {
      return counts.reject(Step.Reason.ABSURD, String.format(Locale.ROOT,
          "energy counter %.6f kWh is above the register's max %.3f kWh", kwh, limits.rolloverKwh()));
    }
    if (lastTime == null) {
      return baseline(time, kwh);
    }
    long dtNanos = Duration.between(lastTime, time).toNanos();
    if (dtNanos <= 0) {
      return counts.reject(Step.Reason.OUT_OF_ORDER, "sample at " + time + " is not after the previous one at "
          + lastTime);
    }
    double delta = kwh - lastKwh;
    Increment.Kind kind = dtNanos > maxGapNanos ? Increment.Kind.SPREAD : Increment.Kind.NORMAL;
    if (delta < -JITTER_KWH - 1e-12 * lastKwh) {
      double wrapped = limits.rolloverKwh() - lastKwh + kwh;
      if (limits.rolloverKwh() > 0 && plausible(wrapped, dtNanos)) {
        counts.rollovers++;
        return accept(time, kwh, wrapped, Increment.Kind.ROLLOVER);
      }
      counts.resets++;
      return restart(time, kwh);
    }
    delta = Math.max(0, delta);
    if (!plausible(delta, dtNanos)) {
      return absurd(time, kwh, delta, dtNanos);
    }
    return accept(time, kwh, delta, kind);
  }

  private boolean plausible(double kwh, long dtNanos) {
    return kwh * 3.6e12 / dtNanos <= limits.maxPowerKw();
  }

  private Step absurd(Instant time, double kwh, double delta, long dtNanos) {
    boolean agrees = candidates > 0 && time.isAfter(candidateTime) && kwh >= candidateKwh
        && plausible(kwh - candidateKwh, Duration.between(candidateTime, time).toNanos());
    candidates = agrees ? candidates + 1 : 1;
    candidateTime = time;
    candidateKwh = kwh;
    if (candidates >= CONFIRM_REPLACEMENT) {
      counts.resets++;
      return restart(time, kwh);
    }
    return counts.reject(Step.Reason.ABSURD, String.format(Locale.ROOT,
        "energy counter step %.6f kWh in %.3f s means %.1f kW, above the meter's max %.1f kW",
        delta, dtNanos / 1e9, delta * 3.6e12 / dtNanos, limits.maxPowerKw()));
  }

  /** A new meter or a reset: the span since the last good reading is unknown and counted as a gap. */
  private Step restart(Instant time, double kwh) {
    Increment gap = new Increment(lastTime, time, 0, Increment.Kind.RESET);
    counts.gap(gap);
    lastTime = time;
    lastKwh = kwh;
    candidates = 0;
    counts.accepted++;
    return new Step.Added(gap);
  }

  private Step accept(Instant time, double kwh, double delta, Increment.Kind kind) {
    Increment increment = new Increment(lastTime, time, delta, kind);
    lastTime = time;
    lastKwh = kwh;
    candidates = 0;
    counts.accepted++;
    return new Step.Added(increment);
  }

  private Step baseline(Instant time, double kwh) {
    lastTime = time;
    lastKwh = kwh;
    counts.accepted++;
    return Step.BASELINE;
  }

  @Override
  public MeterHealth health() {
    return counts.snapshot();
  }
}
