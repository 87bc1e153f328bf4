package io.cellpilot.status.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, bounded, append-only log between the cell's events and the MQTT publishers: segment files of CRC-framed
 * records ({@link SegmentFile}), one saved position per consumer ({@link OutboxCursor}).
 *
 * <p>Policy when full: the oldest segment is dropped; of its records that a consumer has not yet delivered, the newest
 * of each key is copied forward and every other one is counted as dropped. Segments every consumer has delivered are
 * deleted, their newest-of-key records kept as snapshots so that consumers can rebuild their state after a restart.
 */
public final class Outbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final OutboxConfig config;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition appendedCondition = lock.newCondition();
  private final ArrayDeque<SegmentFile> segments = new ArrayDeque<>();
  private final Map<String, Long> newestByKey = new HashMap<>();
  private final Map<String, OutboxCursor> cursors = new ConcurrentHashMap<>();
  private GroupCommit commits;
  private long bytes;
  private long appended;
  private long dropped;
  private long carried;
  private long truncatedBytes;
  private long recoveredRecords;
  private boolean closed;

  private Outbox(OutboxConfig config) {
    this.config = config;
  }

  /** Opens (or creates) the log in {@code config.directory()}, recovering every complete record. */
  public static Outbox open(OutboxConfig config) throws IOException {
    Outbox outbox = new Outbox(config);
    outbox.recover();
    outbox.commits = new GroupCommit(outbox::commitTarget, outbox.nextOffset() - 1,
        config.fsync() == OutboxConfig.FsyncPolicy.INTERVAL ? config.fsyncInterval() : null,
        config.directory().toString());
    return outbox;
  }

  private void recover() throws IOException {
    Path dir = Files.createDirectories(config.directory());
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches("\\d{20}\\.seg")).sorted().toList();
    }
    for (Path file : files) {
      long base = Long.parseLong(file.getFileName().toString().substring(0, 20));
      if (!segments.isEmpty() && base != segments.peekLast().nextOffset()) {
        // A segment whose predecessor lost its tail: renumbering would break cursors, so start it where it says.
        log.warn("[outbox] {} starts at {} but the previous segment ends at {}", file, base,
            segments.peekLast().nextOffset());
      }
      SegmentFile segment = SegmentFile.recover(file, base);
      if (segment.truncatedBytes() > 0) {
        log.warn("[outbox] {}: cut {} bytes of a torn or corrupt tail after {} complete records", file,
            segment.truncatedBytes(), segment.count());
      }
      truncatedBytes += segment.truncatedBytes();
      recoveredRecords += segment.count();
      bytes += segment.size();
      for (long o = segment.baseOffset(); o < segment.nextOffset(); o++) {
        OutboxRecord r = segment.read(o);
        if (r.key() != null) {
          newestByKey.put(r.key(), o);
        }
      }
      segments.add(segment);
    }
    if (segments.isEmpty()) {
      segments.add(SegmentFile.create(dir, 0));
      syncDirectory();
    }
    log.info("[outbox] {} opened: {} records in {} segments, next offset {}", dir, recoveredRecords,
        segments.size(), nextOffsetLocked());
  }

  /** Opens or returns the named consumer's cursor; register every consumer before delivering. */
  public OutboxCursor cursor(String name) {
    return cursors.computeIfAbsent(name, n -> {
      OutboxCursor c = new OutboxCursor(n, config.directory(), config.ackInterval().toNanos(), this::retireDelivered);
      c.skipTo(firstOffset());
      return c;
    });
  }

  /** Appends a record; returns its offset once it is written (and forced, under {@link OutboxConfig.FsyncPolicy#ALWAYS}). */
  public long append(OutboxRecord record) {
    long offset;
    lock.lock();
    try {
      ensureOpen();
      offset = appendLocked(record.withOffset(nextOffsetLocked(), record.flags() & ~OutboxRecord.SNAPSHOT));
      appended++;
      enforceLimit();
      appendedCondition.signalAll();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the outbox in " + config.directory(), e);
    } finally {
      lock.unlock();
    }
    if (config.fsync() == OutboxConfig.FsyncPolicy.ALWAYS) {
      commits.syncTo(offset);
    }
    return offset;
  }

  /** Up to {@code max} records from {@code from} on (or from the oldest kept record, if {@code from} was dropped). */
  public List<OutboxRecord> read(long from, int max) {
    lock.lock();
    try {
      ensureOpen();
      List<OutboxRecord> out = new ArrayList<>(Math.min(max, 1024));
      long offset = Math.max(from, firstOffset());
      for (SegmentFile segment : segments) {
        offset = Math.max(offset, segment.baseOffset());
        while (out.size() < max && segment.contains(offset)) {
          out.add(segment.read(offset++));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the outbox in " + config.directory(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code timeoutMillis} until a record at or after {@code offset} exists; true when one does. */
  public boolean awaitRecord(long offset, long timeoutMillis) throws InterruptedException {
    long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    lock.lock();
    try {
      while (nextOffsetLocked() <= offset && !closed) {
        if (nanos <= 0) {
          return false;
        }
        nanos = appendedCondition.awaitNanos(nanos);
      }
      return nextOffsetLocked() > offset;
    } finally {
      lock.unlock();
    }
  }

  /** The oldest offset still kept. */
  public long firstOffset() {
    lock.lock();
    try {
      return segments.isEmpty() ? 0 : segments.peekFirst().baseOffset();
    } finally {
      lock.unlock();
    }
  }

  public long nextOffset() {
    lock.lock();
    try {
      return nextOffsetLocked();
    } finally {
      lock.unlock();
    }
  }

  public OutboxStats stats() {
    lock.lock();
    try {
      return new OutboxStats(appended, dropped, carried, truncatedBytes, recoveredRecords, bytes, nextOffsetLocked());
    } finally {
      lock.unlock();
    }
  }

  /** Forces everything appended so far to the disk. */
  public void flush() {
    commits.syncTo(nextOffset() - 1);
  }

  @Override
  public void close() {
    commits.close();
    cursors.values().forEach(OutboxCursor::flush);
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      appendedCondition.signalAll();
      for (SegmentFile segment : segments) {
        segment.force();
        segment.close();
      }
    } catch (IOException e) {
      log.warn("[outbox] {} did not close cleanly", config.directory(), e);
    } finally {
      lock.unlock();
    }
  }

  private long appendLocked(OutboxRecord record) throws IOException {
    SegmentFile active = segments.peekLast();
    if (active.size() >= config.segmentBytes()) {
      active.force();
      active = SegmentFile.create(config.directory(), active.nextOffset());
      segments.add(active);
      syncDirectory();
    }
    bytes += active.append(record);
    if (commits != null) {
      commits.written();
    }
    if (record.key() != null) {
      newestByKey.put(record.key(), record.offset());
    }
    return record.offset();
  }

  private void enforceLimit() throws IOException {
    // Bounded: if nearly every record is the newest of its key, carrying them forward cannot shrink the log.
    for (int n = segments.size(); n > 1 && bytes > config.maxBytes() && segments.size() > 1; n--) {
      retire(segments.peekFirst(), minCursorPosition());
    }
  }

  /** Deletes segments that every consumer has delivered (called when a cursor is saved). */
  private void retireDelivered() {
    lock.lock();
    try {
      long delivered = minCursorPosition();
      while (!closed && segments.size() > 1 && segments.peekFirst().nextOffset() <= delivered) {
        retire(segments.peekFirst(), delivered);
      }
    } catch (IOException e) {
      log.warn("[outbox] {}: cannot delete a delivered segment", config.directory(), e);
    } finally {
      lock.unlock();
    }
  }

  private void retire(SegmentFile segment, long delivered) throws IOException {
    segments.pollFirst();
    for (long o = segment.baseOffset(); o < segment.nextOffset(); o++) {
      OutboxRecord r = segment.read(o);
      boolean undelivered = o >= delivered && !r.snapshot();
      Long newest = r.key() == null ? null : newestByKey.get(r.key());
      if (newest != null && newest == o) {
        if (!undelivered && r.tombstone()) {
          newestByKey.remove(r.key());
        } else {
          int flags = undelivered ? r.flags() : r.flags() | OutboxRecord.SNAPSHOT;
          appendLocked(r.withOffset(nextOffsetLocked(), flags));
          carried++;
        }
      } else if (undelivered) {
        dropped++;
      }
    }
    bytes -= segment.size();
    segment.delete();
    long first = segments.peekFirst().baseOffset();
    cursors.values().forEach(c -> c.skipTo(first));
    appendedCondition.signalAll();
  }

  private long minCursorPosition() {
    long min = nextOffsetLocked();
    for (OutboxCursor c : cursors.values()) {
      min = Math.min(min, c.position());
    }
    return min;
  }

  private GroupCommit.Target commitTarget() {
    lock.lock();
    try {
      return closed ? null : new GroupCommit.Target(segments.peekLast(), nextOffsetLocked() - 1);
    } finally {
      lock.unlock();
    }
  }

  private void syncDirectory() throws IOException {
    try (FileChannel dir = FileChannel.open(config.directory(), StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  private long nextOffsetLocked() {
    return segments.isEmpty() ? 0 : segments.peekLast().nextOffset();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("outbox in " + config.directory() + " is closed");
    }
  }
}
