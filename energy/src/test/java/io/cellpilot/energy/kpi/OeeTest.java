package io.cellpilot.energy.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OeeTest {

  @Test
  void theTextbookShiftGivesItsHandComputedFactors() {
    // 8 h shift, 7 h running and 1 h faulted; ideal 1.2 s per part, 18 000 parts, 17 100 good of 18 000 inspected.
    Oee o = Oee.of(Duration.ofHours(7), Duration.ofHours(1), Duration.ofMillis(1200), 18_000, 17_100, 18_000);
    assertEquals(7.0 / 8, o.availability(), 1e-12);
    assertEquals(1.2 * 18_000 / (7 * 3600), o.performance(), 1e-12); // 0.857142...
    assertEquals(0.95, o.quality(), 1e-12);
    assertEquals(0.875 * (21_600.0 / 25_200) * 0.95, o.oee(), 1e-12); // 0.7125
  }

  @Test
  void performanceIsCappedAtOneAndUnknownFactorsStayUnknown() {
    Oee fast = Oee.of(Duration.ofMinutes(10), Duration.ZERO, Duration.ofSeconds(2), 400, 400, 400);
    assertEquals(1.0, fast.performance());
    Oee none = Oee.of(Duration.ZERO, Duration.ZERO, null, 0, 0, 0);
    assertTrue(Double.isNaN(none.availability()));
    assertTrue(Double.isNaN(none.performance()));
    assertTrue(Double.isNaN(none.quality()));
    assertTrue(Double.isNaN(none.oee()));
  }

  @Test
  void enpiShowsTheImprovementPerGoodPartAgainstTheBaseline() {
    Enpi e = Enpi.of(450, 174.1, 9_000, 0.055, 0.0213);
    assertEquals(0.05, e.kwhPerGoodPart(), 1e-12);
    assertEquals(1 - 0.05 / 0.055, e.improvement(), 1e-12); // 9.1 % less energy per good part
    assertTrue(Double.isNaN(Enpi.of(10, 4, 0, 0.05, 0.02).kwhPerGoodPart()));
    assertTrue(Double.isNaN(Enpi.of(10, 4, 5, Double.NaN, Double.NaN).improvement()));
  }
}
