package io.cellpilot.opcua.client;

import java.time.Instant;

/**
 * One reading of a tag. {@code value} is null whenever the quality is bad: a lost connection never shows the last good
 * value. Numbers of scaled tags are in engineering units ({@code unit}).
 *
 * @param value Boolean, Integer, Long, Float, Double, String, Instant, byte[], a List for arrays, or null
 * @param sourceTime when the device produced the value, null when unknown
 * @param serverTime when the server last saw it, null when unknown
 */
public record TagValue(TagRef ref, Object value, Quality quality, Instant sourceTime, Instant serverTime,
                       String unit) {

  /** A bad value with no payload, e.g. for a lost connection or an unknown node. */
  public static TagValue bad(TagRef ref, Quality quality, String unit) {
    return new TagValue(ref, null, quality, null, null, unit);
  }

  public boolean isGood() {
    return quality.isGood();
  }

  /** The value as a double; throws when it is not a good number (call {@link #isGood()} first). */
  public double asDouble() {
    if (!(value instanceof Number n)) {
      throw new IllegalStateException(ref + " is not a number: " + value + " " + quality);
    }
    return n.doubleValue();
  }
}
