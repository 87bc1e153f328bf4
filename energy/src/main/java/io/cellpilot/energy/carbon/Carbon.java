package io.cellpilot.energy.carbon;

import java.util.Map;

/**
 * Scope 2 emissions of some energy, both ways the GHG Protocol's Scope 2 guidance asks to report side by side.
 *
 * @param locationKg energy x the grid's average factor
 * @param marketKg energy covered by contracts at their factors + the rest at the residual factor
 * @param contractKwh energy taken from each contract, kWh
 */
public record Carbon(double locationKg, double marketKg, Map<String, Double> contractKwh) {}
