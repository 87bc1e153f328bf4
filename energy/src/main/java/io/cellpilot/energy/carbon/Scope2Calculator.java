package io.cellpilot.energy.carbon;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Location-based and market-based CO2 of consumed electricity (GHG Protocol Scope 2 Guidance, 2015, chapter 6).
 * Location-based: energy x grid average factor. Market-based: energy is taken from the configured contracts valid that
 * day, in order, until each contract's volume is used up, at the contract's factor; what no contract covers is
 * counted at the residual-mix factor (the guidance's choice when no instrument applies; where no residual mix is
 * published, the configured grid average stands in for it, and the docs say so). Not thread-safe.
 */
public final class Scope2Calculator {
  private final EmissionFactor grid;
  private final double residualKgPerKwh;
  private final List<Contract> contracts;
  private final Map<String, Double> usedKwh = new LinkedHashMap<>();

  public Scope2Calculator(EmissionFactor grid, double residualKgPerKwh, List<Contract> contracts) {
    this.grid = grid;
    this.residualKgPerKwh = residualKgPerKwh;
    this.contracts = List.copyOf(contracts);
    contracts.forEach(c -> usedKwh.put(c.id(), 0.0));
  }

  public EmissionFactor grid() {
    return grid;
  }

  public double residualKgPerKwh() {
    return residualKgPerKwh;
  }

  /** Records energy already taken from contracts (e.g. read back from earlier shift records at start). */
  public void restoreUse(Map<String, Double> kwhByContract) {
    kwhByContract.forEach((id, kwh) -> usedKwh.computeIfPresent(id, (k, v) -> v + kwh));
  }

  /** Energy still available per contract, kWh. */
  public Map<String, Double> remainingKwh() {
    Map<String, Double> out = new LinkedHashMap<>();
    contracts.forEach(c -> out.put(c.id(), Math.max(0, c.mwh() * 1000 - usedKwh.get(c.id()))));
    return out;
  }

  /** The CO2 of {@code kwh} consumed on {@code day}; takes the covered part out of the contracts. */
  public Carbon consume(double kwh, LocalDate day) {
    double rest = Math.max(0, kwh);
    double market = 0;
    Map<String, Double> taken = new LinkedHashMap<>();
    for (Contract c : contracts) {
      if (rest <= 0) {
        break;
      }
      if (!c.validOn(day)) {
        continue;
      }
      double left = c.mwh() * 1000 - usedKwh.get(c.id());
      double take = Math.min(rest, Math.max(0, left));
      if (take > 0) {
        usedKwh.merge(c.id(), take, Double::sum);
        taken.put(c.id(), take);
        market += take * c.kgPerKwh();
        rest -= take;
      }
    }
    market += rest * residualKgPerKwh;
    return new Carbon(Math.max(0, kwh) * grid.kgPerKwh(), market, taken);
  }
}
