package io.cellpilot.controller.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnergyPerPartTest {

  @Test
  void theFirstPartChangeOnlySetsTheBaselineBecauseItsIntervalBeganBeforeWeLooked() {
    EnergyPerPart e = new EnergyPerPart();
    assertTrue(Double.isNaN(e.update(10, 5.000)));
    assertTrue(Double.isNaN(e.update(11, 5.002)));
    assertEquals(3.0, e.update(12, 5.005), 1e-9);
  }

  @Test
  void energyBetweenTwoChangesIsSharedByThePartsThatEnteredInBetween() {
    EnergyPerPart e = new EnergyPerPart();
    e.update(0, 1.0);
    e.update(1, 1.0);
    // Three parts entered while we were not looking (stale readings skipped): 6 Wh over 3 parts.
    assertEquals(2.0, e.update(4, 1.006), 1e-9);
  }

  @Test
  void unchangedPartCountsKeepTheLastFigure() {
    EnergyPerPart e = new EnergyPerPart();
    e.update(0, 1.0);
    e.update(1, 1.0);
    e.update(2, 1.004);
    assertEquals(4.0, e.update(2, 1.010), 1e-9);
    assertEquals(4.0, e.lastWh(), 1e-9);
  }

  @Test
  void aCounterThatGoesBackwardsDropsTheBaselineButKeepsTheLastFigure() {
    EnergyPerPart e = new EnergyPerPart();
    e.update(5, 2.0);
    e.update(6, 2.0);
    e.update(7, 2.003);
    // The PLC restarted: its part counter starts again. No interval may span the restart.
    assertEquals(3.0, e.update(0, 2.004), 1e-9);
    assertEquals(3.0, e.update(1, 2.005), 1e-9);
    assertEquals(1.0, e.update(2, 2.006), 1e-9);
    // The meter restarted: its energy counter went back.
    assertEquals(1.0, e.update(3, 0.001), 1e-9);
    assertEquals(1.0, e.update(4, 0.002), 1e-9);
    assertEquals(2.0, e.update(5, 0.004), 1e-9);
  }

  @Test
  void nonFiniteOrNegativeReadingsAreIgnored() {
    EnergyPerPart e = new EnergyPerPart();
    e.update(0, 1.0);
    e.update(1, 1.0);
    assertTrue(Double.isNaN(e.update(2, Double.NaN)));
    assertTrue(Double.isNaN(e.update(-1, 1.0)));
    assertEquals(2.0, e.update(2, 1.002), 1e-9);
  }
}
