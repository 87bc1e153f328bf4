package io.cellpilot.status.outbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the outbox keeps its log (YAML {@code cellpilot.status.outbox.*}).
 *
 * @param directory folder of the segment and cursor files
 * @param maxBytes the log's size limit; past it the oldest segment is dropped, keeping the newest record of each key
 * @param segmentBytes size at which a new segment file is started
 * @param fsync when appended records are forced to the disk
 * @param fsyncInterval the period of {@link FsyncPolicy#INTERVAL}
 * @param ackInterval how often a cursor's delivered position is written to disk (a lag means re-delivery, not loss)
 */
public record OutboxConfig(
    Path directory, long maxBytes, long segmentBytes, FsyncPolicy fsync, Duration fsyncInterval, Duration ackInterval) {

  /** When appends reach the disk. Every policy survives a crash of the process; they differ on power loss. */
  public enum FsyncPolicy {
    /** Each append returns once forced; concurrent appends share one force (group commit). */
    ALWAYS,
    /** A background force every {@code fsyncInterval}: power loss may lose that much, never corrupts. */
    INTERVAL,
    /** The operating system decides; for tests and benchmarks. */
    NEVER
  }

  public OutboxConfig {
    if (directory == null) {
      throw new IllegalArgumentException("cellpilot.status.outbox.directory must be set");
    }
    if (segmentBytes < 4096 || segmentBytes > (1L << 30)) {
      throw new IllegalArgumentException(
          "cellpilot.status.outbox.segment-bytes must be between 4096 and 1073741824, was " + segmentBytes);
    }
    if (maxBytes < 2 * segmentBytes) {
      throw new IllegalArgumentException("cellpilot.status.outbox.max-bytes must be at least twice segment-bytes ("
          + 2 * segmentBytes + "), was " + maxBytes);
    }
    if (fsync == null) {
      throw new IllegalArgumentException("cellpilot.status.outbox.fsync must be one of always, interval, never");
    }
    if (fsyncInterval == null || fsyncInterval.isNegative() || fsyncInterval.isZero()) {
      throw new IllegalArgumentException("cellpilot.status.outbox.fsync-interval must be positive, was " + fsyncInterval);
    }
    if (ackInterval == null || ackInterval.isNegative()) {
      throw new IllegalArgumentException("cellpilot.status.outbox.ack-interval must not be negative, was " + ackInterval);
    }
  }

  /** Defaults: 256 MiB in 8 MiB segments, forced every 100 ms, cursors saved every 200 ms. */
  public static OutboxConfig defaults(Path directory) {
    return new OutboxConfig(directory, 256L << 20, 8L << 20, FsyncPolicy.INTERVAL, Duration.ofMillis(100),
        Duration.ofMillis(200));
  }

  public OutboxConfig withFsync(FsyncPolicy policy) {
    return new OutboxConfig(directory, maxBytes, segmentBytes, policy, fsyncInterval, ackInterval);
  }

  public OutboxConfig withSizes(long newMaxBytes, long newSegmentBytes) {
    return new OutboxConfig(directory, newMaxBytes, newSegmentBytes, fsync, fsyncInterval, ackInterval);
  }
}
