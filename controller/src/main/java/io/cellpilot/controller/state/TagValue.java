package io.cellpilot.controller.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One update of a tag as a source delivers it.
 *
 * @param value a {@link Double}, {@link Boolean}, {@link Long} or {@link String}; null when the quality is BAD
 * @param sourceTime when the device measured it (payload or OPC UA source timestamp); the arrival time otherwise
 * @param receivedTime when the controller received it
 */
public record TagValue(String tag, Object value, Quality quality, Instant sourceTime, Instant receivedTime) {
  public TagValue {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(sourceTime, "sourceTime");
    Objects.requireNonNull(receivedTime, "receivedTime");
  }

  public static TagValue good(String tag, Object value, Instant sourceTime, Instant receivedTime) {
    return new TagValue(tag, value, Quality.GOOD, sourceTime, receivedTime);
  }

  /** The source lost the tag (disconnect, bad node): readers must not see the last good value as current. */
  public static TagValue bad(String tag, Instant now) {
    return new TagValue(tag, null, Quality.BAD, now, now);
  }
}
