package io.cellpilot.energy.attribution;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The energy each meter measured over {@code [from, to]}, kWh. A meter whose energy there is not known (a gap, or
 * no samples) maps to NaN and is named in {@code unknown}: never a zero that looks measured.
 */
public record IntervalEnergy(Instant from, Instant to, Map<String, Double> kwh, Set<String> unknown) {

  /** The energy of {@code meter}, NaN when unknown or not metered. */
  public double of(String meter) {
    Double v = kwh.get(meter);
    return v == null ? Double.NaN : v;
  }
}
