package io.cellpilot.energy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class PowerIntegratorTest {
  static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");
  static final MeterLimits LIMITS = new MeterLimits(50, Duration.ofSeconds(10), 0);

  /** Integrates {@code kw(t)} sampled every {@code step} s (with timing jitter) over {@code seconds}. */
  static double integrate(DoubleUnaryOperator kw, double step, double seconds, long seed) {
    PowerIntegrator p = new PowerIntegrator(LIMITS);
    SplittableRandom jitter = new SplittableRandom(seed);
    double sum = 0;
    for (double t = 0; t <= seconds; t += step) {
      double ts = Math.min(seconds, t + (t > 0 && t < seconds ? (jitter.nextDouble() - 0.5) * step * 0.2 : 0));
      Step s = p.feed(T0.plusNanos((long) (ts * 1e9)), kw.applyAsDouble(ts));
      if (s instanceof Step.Added a) {
        sum += a.increment().kwh();
      }
    }
    return sum;
  }

  @Test
  void aSinusoidalLoadSampledEverySecondIsIntegratedWithinHalfAPercent() {
    // 3 kW +- 2 kW with a one-minute period, one hour: exactly 3 kWh (whole periods).
    double kwh = integrate(t -> 3 + 2 * Math.sin(2 * Math.PI * t / 60), 1.0, 3600, 1);
    assertEquals(3.0, kwh, 3.0 * 0.005);
  }

  @Test
  void aPressLikeSquareLoadSampledAtTenHertzIsIntegratedWithinHalfAPercent() {
    // 1.2 kW base, +7.5 kW strokes of 0.6 s every 2 s: mean 1.2 + 7.5 * 0.3 = 3.45 kW over 30 minutes.
    double kwh = integrate(t -> 1.2 + ((t % 2.0) < 0.6 ? 7.5 : 0), 0.1, 1800, 2);
    assertEquals(3.45 * 0.5, kwh, 3.45 * 0.5 * 0.005);
  }

  @Test
  void aRampIsIntegratedExactlyByTheTrapezoidRule() {
    double kwh = integrate(t -> t / 360.0, 2.0, 3600, 3);
    // integral of t/360 kW over 3600 s = 3600^2 / 720 kWs = 18000 kWs = 5 kWh
    assertEquals(5.0, kwh, 1e-9);
  }

  @Test
  void aGapLongerThanTheBoundIsFlaggedWithItsDurationAndAddsNoEnergy() {
    PowerIntegrator p = new PowerIntegrator(LIMITS);
    p.feed(T0, 3.0);
    Step s1 = p.feed(T0.plusSeconds(1), 3.0);
    Step s2 = p.feed(T0.plusSeconds(61), 3.0);
    assertEquals(3.0 / 3600, ((Step.Added) s1).increment().kwh(), 1e-12);
    Increment gap = ((Step.Added) s2).increment();
    assertTrue(gap.gap());
    assertEquals(0, gap.kwh());
    assertEquals(60, gap.seconds(), 1e-9);
    assertEquals(1, p.health().gaps());
    assertEquals(60, p.health().gapSeconds(), 1e-9);
    // Integration resumes from the sample after the gap.
    assertEquals(3.0 / 3600, ((Step.Added) p.feed(T0.plusSeconds(62), 3.0)).increment().kwh(), 1e-12);
  }

  @Test
  void negativeAbsurdNonFiniteAndOutOfOrderReadingsAreRejectedCountedAndLeaveNoTrace() {
    PowerIntegrator p = new PowerIntegrator(LIMITS);
    p.feed(T0, 2.0);
    assertEquals(Step.Reason.NEGATIVE, ((Step.Rejected) p.feed(T0.plusSeconds(1), -0.5)).reason());
    assertEquals(Step.Reason.ABSURD, ((Step.Rejected) p.feed(T0.plusSeconds(1), 5000)).reason());
    assertEquals(Step.Reason.NOT_FINITE, ((Step.Rejected) p.feed(T0.plusSeconds(1), Double.NaN)).reason());
    assertEquals(Step.Reason.OUT_OF_ORDER, ((Step.Rejected) p.feed(T0.minusSeconds(1), 2.0)).reason());
    Step ok = p.feed(T0.plusSeconds(2), 2.0);
    assertEquals(2.0 * 2 / 3600, ((Step.Added) ok).increment().kwh(), 1e-12);
    MeterHealth h = p.health();
    assertEquals(4, h.rejectedTotal());
    assertTrue(h.lastRejection().contains("2026-11-22T05:59:59Z"), h.lastRejection());
    assertInstanceOf(Step.Baseline.class, new PowerIntegrator(LIMITS).feed(T0, 0));
  }
}
