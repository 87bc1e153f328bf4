package io.cellpilot.energy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CounterIntegratorTest {
  static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");
  static final MeterLimits LIMITS = new MeterLimits(50, Duration.ofSeconds(10), 99_999.9);

  private static double sum(CounterIntegrator c, double... kwhEverySecond) {
    double sum = 0;
    for (int i = 0; i < kwhEverySecond.length; i++) {
      if (c.feed(T0.plusSeconds(i), kwhEverySecond[i]) instanceof Step.Added a) {
        sum += a.increment().kwh();
      }
    }
    return sum;
  }

  @Test
  void theEnergyIsTheCounterDifference() {
    assertEquals(0.003, sum(new CounterIntegrator(LIMITS), 100.000, 100.001, 100.002, 100.003), 1e-9);
  }

  @Test
  void aRegisterRolloverIsCountedAcrossTheWrap() {
    CounterIntegrator c = new CounterIntegrator(LIMITS);
    double kwh = sum(c, 99_999.89, 99_999.899, 0.005, 0.011);
    // 0.009 before the wrap, 0.001 to the max, 0.005 after it, then 0.006.
    assertEquals(0.009 + 0.001 + 0.005 + 0.006, kwh, 1e-6);
    assertEquals(1, c.health().rollovers());
    assertEquals(0, c.health().resets());
  }

  @Test
  void aCounterThatGoesBackIsAResetWhoseSpanIsAGapNeverNegativeEnergy() {
    CounterIntegrator c = new CounterIntegrator(new MeterLimits(50, Duration.ofSeconds(10), 0));
    c.feed(T0, 512.4);
    Step reset = c.feed(T0.plusSeconds(1), 0.002);
    Increment gap = ((Step.Added) reset).increment();
    assertEquals(Increment.Kind.RESET, gap.kind());
    assertEquals(0, gap.kwh());
    assertTrue(gap.gap());
    assertEquals(1, c.health().resets());
    assertEquals(0.001, ((Step.Added) c.feed(T0.plusSeconds(2), 0.003)).increment().kwh(), 1e-12);
  }

  @Test
  void aSingleImplausibleJumpIsRejectedAndTheCounterCarriesOn() {
    CounterIntegrator c = new CounterIntegrator(LIMITS);
    c.feed(T0, 10.0);
    Step.Rejected r = (Step.Rejected) c.feed(T0.plusSeconds(1), 9_000.0);
    assertEquals(Step.Reason.ABSURD, r.reason());
    assertTrue(r.detail().contains("above the meter's max 50.0 kW"), r.detail());
    assertEquals(0.002, ((Step.Added) c.feed(T0.plusSeconds(2), 10.002)).increment().kwh(), 1e-12);
    assertEquals(1, c.health().rejected().get(Step.Reason.ABSURD));
  }

  @Test
  void aMeterReplacedWithAHigherReadingIsRecognisedAfterThreeConsistentReadings() {
    CounterIntegrator c = new CounterIntegrator(LIMITS);
    c.feed(T0, 10.0);
    assertInstanceOf(Step.Rejected.class, c.feed(T0.plusSeconds(1), 4_000.000));
    assertInstanceOf(Step.Rejected.class, c.feed(T0.plusSeconds(2), 4_000.001));
    Step restart = c.feed(T0.plusSeconds(3), 4_000.002);
    assertEquals(Increment.Kind.RESET, ((Step.Added) restart).increment().kind());
    assertEquals(0.001, ((Step.Added) c.feed(T0.plusSeconds(4), 4_000.003)).increment().kwh(), 1e-9);
  }

  @Test
  void aLongSilenceKeepsTheCountersExactEnergyButFlagsItsSpread() {
    CounterIntegrator c = new CounterIntegrator(LIMITS);
    c.feed(T0, 10.0);
    Increment i = ((Step.Added) c.feed(T0.plusSeconds(600), 10.5)).increment();
    assertEquals(0.5, i.kwh(), 1e-12);
    assertTrue(i.spread());
    assertTrue(!i.gap());
  }

  @Test
  void negativeNonFiniteAndAboveRegisterReadingsAreRejected() {
    CounterIntegrator c = new CounterIntegrator(LIMITS);
    assertEquals(Step.Reason.NEGATIVE, ((Step.Rejected) c.feed(T0, -1)).reason());
    assertEquals(Step.Reason.NOT_FINITE, ((Step.Rejected) c.feed(T0, Double.POSITIVE_INFINITY)).reason());
    assertEquals(Step.Reason.ABSURD, ((Step.Rejected) c.feed(T0, 200_000)).reason());
    assertInstanceOf(Step.Baseline.class, c.feed(T0, 5));
    // Float registers jitter in their last digit: a tiny step back is no reset.
    Increment jitter = ((Step.Added) c.feed(T0.plusSeconds(1), 5 - 1e-7)).increment();
    assertEquals(0, jitter.kwh());
    assertEquals(Increment.Kind.NORMAL, jitter.kind());
  }
}
