package io.cellpilot.energy.record;

import java.time.Instant;
import java.util.Map;

/**
 * Energy of the parts that entered the line between two changes of the part counter ({@code fromCount} to
 * {@code toCount}), per part: each meter's energy over {@code [from, to]} divided by the parts. A meter whose energy
 * there is unknown maps to NaN and is listed in {@code unknown}.
 *
 * @param siteKwhPerPart the site meter's energy per part
 * @param locationKgPerPart CO2 per part at the grid factor
 * @param marketKgPerPart CO2 per part after contracts, at the shift's market-based ratio so far
 */
public record PartEnergy(String shift, Instant from, Instant to, long fromCount, long toCount,
                         Map<String, Double> kwhPerPart, java.util.Set<String> unknown, double siteKwhPerPart,
                         double locationKgPerPart, double marketKgPerPart) {

  public long parts() {
    return toCount - fromCount;
  }
}
