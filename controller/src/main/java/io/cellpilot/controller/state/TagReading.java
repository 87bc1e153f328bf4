package io.cellpilot.controller.state;

import java.time.Duration;
import java.util.Optional;

/**
 * A tag as a reader sees it at one instant: its last value, quality, age and whether it is stale.
 *
 * @param age time since the value was measured (its source time), never negative
 * @param stale older than its max age, never received, or BAD: decisions must not act on it
 */
public record TagReading(String tag, TagValue last, Duration age, Duration maxAge, boolean stale) {

  /** True when the value is GOOD and not stale. */
  public boolean fresh() {
    return !stale && last != null && last.quality() == Quality.GOOD;
  }

  public Optional<Object> value() {
    return last == null ? Optional.empty() : Optional.ofNullable(last.value());
  }

  /** Why this reading cannot be used, e.g. {@code plc.part-id is 7.2 s old (max 5 s)}; empty when fresh. */
  public String problem() {
    if (last == null) {
      return tag + " has never been received";
    }
    if (last.quality() != Quality.GOOD) {
      return tag + " has quality " + last.quality();
    }
    if (stale) {
      return String.format(java.util.Locale.ROOT, "%s is %.1f s old (max %.1f s)",
          tag, age.toMillis() / 1000.0, maxAge.toMillis() / 1000.0);
    }
    return "";
  }
}
