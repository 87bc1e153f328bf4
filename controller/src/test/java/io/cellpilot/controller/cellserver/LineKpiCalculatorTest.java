package io.cellpilot.controller.cellserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.server.LineKpis;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineKpiCalculatorTest {
  private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

  @Test
  void oeeIsAvailabilityTimesPerformanceTimesQuality() {
    LineKpiCalculator c = new LineKpiCalculator(Optional.of(Duration.ofSeconds(2)));
    c.state("RUNNING", T0);
    c.state("FAULTED", T0.plusSeconds(80));
    c.state("RUNNING", T0.plusSeconds(100));
    c.parts(36, 40);
    LineKpis k = c.kpis(T0.plusSeconds(120));
    assertEquals(100.0 / 120, k.availability(), 1e-9);
    assertEquals(2.0 * 40 / 100, k.performance(), 1e-9);
    assertEquals(0.9, k.quality(), 1e-9);
    assertEquals(k.availability() * k.performance() * k.quality(), k.oee(), 1e-9);
    assertEquals("RUNNING", k.state());
    assertEquals(36, k.goodParts());
    assertEquals(40, k.totalParts());
  }

  @Test
  void aStoppedLineAndAnUnreadablePlcDoNotCountAsDowntime() {
    LineKpiCalculator c = new LineKpiCalculator(Optional.empty());
    c.state("RUNNING", T0);
    c.state("STOPPED", T0.plusSeconds(60));
    c.state("UNKNOWN", T0.plusSeconds(90));
    LineKpis k = c.kpis(T0.plusSeconds(120));
    assertEquals(1.0, k.availability(), 1e-9);
    assertTrue(Double.isNaN(k.performance()), "no ideal cycle time: performance unknown");
    assertTrue(Double.isNaN(k.quality()), "no parts yet");
    assertTrue(Double.isNaN(k.oee()));
  }

  @Test
  void performanceNeverExceedsOneEvenWithATooLongIdealCycleTime() {
    LineKpiCalculator c = new LineKpiCalculator(Optional.of(Duration.ofSeconds(10)));
    c.state("RUNNING", T0);
    c.parts(10, 10);
    assertEquals(1.0, c.kpis(T0.plusSeconds(20)).performance(), 1e-9);
  }
}
