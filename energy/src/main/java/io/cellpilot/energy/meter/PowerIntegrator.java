package io.cellpilot.energy.meter;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Integrates active power (kW) over time with the trapezoid rule. Samples further apart than
 * {@link MeterLimits#maxGap()} are not bridged: the span is reported as a gap with its duration and adds no energy,
 * because any figure for it would be invented.
 */
public final class PowerIntegrator implements MeterIntegrator {
  private final MeterLimits limits;
  private final long maxGapNanos;
  private final MeterHealth.Counts counts = new MeterHealth.Counts();
  private Instant lastTime;
  private double lastKw;

  public PowerIntegrator(MeterLimits limits) {
    this.limits = limits;
    this.maxGapNanos = limits.maxGap().toNanos();
  }

  @Override
  public Step feed(Instant time, double kw) {
    if (!Double.isFinite(kw)) {
      return counts.reject(Step.Reason.NOT_FINITE, "power " + kw + " kW is not a number");
    }
    if (kw < 0) {
      return counts.reject(Step.Reason.NEGATIVE, String.format(Locale.ROOT, "power %.4f kW is negative", kw));
    }
    if (kw > limits.maxPowerKw()) {
      return counts.reject(Step.Reason.ABSURD, String.format(Locale.ROOT, "power %.4f kW is above the meter's max %.1f kW",
          kw, limits.maxPowerKw()));
    }
    if (lastTime == null) {
      lastTime = time;
      lastKw = kw;
      counts.accepted++;
      return Step.BASELINE;
    }
    long dtNanos = Duration.between(lastTime, time).toNanos();
    if (dtNanos <= 0) {
      return counts.reject(Step.Reason.OUT_OF_ORDER, "sample at " + time + " is not after the previous one at "
          + lastTime);
    }
    Instant from = lastTime;
    double kwh;
    Increment.Kind kind;
    if (dtNanos > maxGapNanos) {
      kwh = 0;
      kind = Increment.Kind.GAP;
    } else {
      kwh = (lastKw + kw) * 0.5 * dtNanos / 3.6e12;
      kind = Increment.Kind.NORMAL;
    }
    lastTime = time;
    lastKw = kw;
    counts.accepted++;
    Increment increment = new Increment(from, time, kwh, kind);
    if (kind == Increment.Kind.GAP) {
      counts.gap(increment);
    }
    return new Step.Added(increment);
  }

  @Override
  public MeterHealth health() {
    return counts.snapshot();
  }
}
