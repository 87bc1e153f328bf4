package io.cellpilot.status.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces the outbox's active segment to disk for whoever asks, sharing one force between everyone waiting at the same
 * time (group commit), and optionally on a timer.
 */
final class GroupCommit implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** What a force covers: the active segment and the last offset written to it; null once the log is closed. */
  record Target(SegmentFile segment, long lastOffset) {}

  private final Supplier<Target> target;
  private final String name;
  private final ScheduledExecutorService timer;
  private final Object lock = new Object();
  private volatile long durableOffset;
  private volatile boolean dirty;

  /** @param interval null: only on request */
  GroupCommit(Supplier<Target> target, long durableOffset, Duration interval, String name) {
    this.target = target;
    this.durableOffset = durableOffset;
    this.name = name;
    if (interval == null) {
      this.timer = null;
    } else {
      this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-fsync");
        t.setDaemon(true);
        return t;
      });
      long ms = interval.toMillis();
      timer.scheduleWithFixedDelay(this::onTimer, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /** Something was written that is not yet forced. */
  void written() {
    dirty = true;
  }

  /** Returns once everything up to {@code offset} is on disk. */
  void syncTo(long offset) {
    // Whoever holds the lock forces for everyone written so far; later waiters then find their offset done.
    synchronized (lock) {
      if (durableOffset >= offset) {
        return;
      }
      Target t = target.get();
      if (t == null) {
        return;
      }
      dirty = false;
      try {
        t.segment().force();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot force the outbox in " + name, e);
      }
      durableOffset = t.lastOffset();
    }
  }

  private void onTimer() {
    try {
      if (dirty) {
        Target t = target.get();
        if (t != null) {
          syncTo(t.lastOffset());
        }
      }
    } catch (RuntimeException e) {
      log.warn("[outbox] {}: periodic force failed", name, e);
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
