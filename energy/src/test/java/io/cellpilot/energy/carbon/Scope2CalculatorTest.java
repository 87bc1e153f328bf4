package io.cellpilot.energy.carbon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Scope2CalculatorTest {
  static final EmissionFactor SOUTH = EmissionFactorTable.shipped().require("cn-south-2022", "k");
  static final LocalDate DAY = LocalDate.of(2026, 11, 22);

  @Test
  void withoutContractsBothFiguresUseTheGridFactorWhenItStandsInForTheResidualMix() {
    Carbon c = new Scope2Calculator(SOUTH, SOUTH.kgPerKwh(), List.of()).consume(100, DAY);
    assertEquals(38.69, c.locationKg(), 1e-9);
    assertEquals(38.69, c.marketKg(), 1e-9);
  }

  @Test
  void greenPowerCoversEnergyAtFactorZeroUntilItsVolumeIsUsedThenTheResidualMixApplies() {
    Contract green = new Contract("green-2026", 0.15, 0.0, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    Scope2Calculator s = new Scope2Calculator(SOUTH, 0.45, List.of(green));
    Carbon first = s.consume(100, DAY);
    assertEquals(38.69, first.locationKg(), 1e-9);
    assertEquals(0.0, first.marketKg(), 1e-9);
    assertEquals(Map.of("green-2026", 100.0), first.contractKwh());
    Carbon second = s.consume(100, DAY);
    // 50 kWh left in the contract; 50 kWh at the residual 0.45.
    assertEquals(22.5, second.marketKg(), 1e-9);
    assertEquals(38.69, second.locationKg(), 1e-9);
    assertEquals(0.0, s.remainingKwh().get("green-2026"), 1e-9);
  }

  @Test
  void aContractOutsideItsDaysCoversNothingAndEarlierUseIsRestored() {
    Contract green = new Contract("g", 1, 0.0, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    Scope2Calculator s = new Scope2Calculator(SOUTH, 0.45, List.of(green));
    assertEquals(45.0, s.consume(100, DAY).marketKg(), 1e-9);
    s.restoreUse(Map.of("g", 400.0));
    assertEquals(600.0, s.remainingKwh().get("g"), 1e-9);
  }
}
