package io.cellpilot.status.outbox;

import java.util.Arrays;

/**
 * One entry of the outbox log.
 *
 * @param offset position in the log, assigned on append (ignored when appending)
 * @param key the state this record carries the latest value of, or null for a plain event; when the log is full the
 *     newest record of each key is kept while older ones are dropped
 * @param flags {@link #TOMBSTONE}: the key is gone once delivered (an alarm cleared); {@link #SNAPSHOT}: carried
 *     forward only to rebuild state after a restart, never delivered again
 */
public record OutboxRecord(long offset, String key, long timeMillis, int flags, byte[] payload) {
  public static final int TOMBSTONE = 1;
  public static final int SNAPSHOT = 2;

  /** A record to append: the log assigns the offset. */
  public static OutboxRecord of(String key, long timeMillis, boolean tombstone, byte[] payload) {
    return new OutboxRecord(-1, key, timeMillis, tombstone ? TOMBSTONE : 0, payload);
  }

  public boolean tombstone() {
    return (flags & TOMBSTONE) != 0;
  }

  public boolean snapshot() {
    return (flags & SNAPSHOT) != 0;
  }

  OutboxRecord withOffset(long newOffset, int newFlags) {
    return new OutboxRecord(newOffset, key, timeMillis, newFlags, payload);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutboxRecord r && r.offset == offset && r.timeMillis == timeMillis && r.flags == flags
        && java.util.Objects.equals(r.key, key) && Arrays.equals(r.payload, payload);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(offset) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "OutboxRecord[" + offset + ", key=" + key + ", " + payload.length + " bytes]";
  }
}
