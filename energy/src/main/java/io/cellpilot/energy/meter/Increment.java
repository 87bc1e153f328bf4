package io.cellpilot.energy.meter;

import java.time.Instant;

/**
 * What one accepted meter sample adds: {@code kwh} drawn over {@code [from, to]}. A gap carries no energy that we
 * could not measure: for a power meter the span is unknown ({@code kwh} is 0 and {@link #gap()} is true); for an
 * energy counter the energy is exact but its spread over a long span is not ({@link #spread()} is true).
 *
 * @param kind how the sample was taken in
 */
public record Increment(Instant from, Instant to, double kwh, Kind kind) {

  /** How a sample was taken in. */
  public enum Kind {
    /** An ordinary step. */
    NORMAL,
    /** A counter passed its configured maximum and started again at zero; the step is counted across it. */
    ROLLOVER,
    /** A counter went back (replaced or reset): the span is unknown and not counted. */
    RESET,
    /** Power samples further apart than the gap bound: the span's energy is unknown and not counted. */
    GAP,
    /** Counter samples further apart than the gap bound: the energy is exact, its spread over the span is not. */
    SPREAD
  }

  /** Seconds covered. */
  public double seconds() {
    return java.time.Duration.between(from, to).toNanos() / 1e9;
  }

  /** True when the span's energy is unknown and therefore not counted (a power gap, a counter reset). */
  public boolean gap() {
    return kind == Kind.RESET || kind == Kind.GAP;
  }

  /** True when the energy is known but how it spread over the span is not (a counter across a long gap). */
  public boolean spread() {
    return kind == Kind.SPREAD;
  }
}
