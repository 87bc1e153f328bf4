package io.cellpilot.status.mqtt;

import io.cellpilot.status.outbox.OutboxCursor;
import java.util.ArrayDeque;

/**
 * Moves a cursor forward as the broker acknowledges messages, but only over a gap-free prefix: a record counts as
 * delivered when all of its messages and all earlier records' messages are acknowledged. One per connection.
 */
public final class InOrderAcks {
  private final OutboxCursor cursor;
  private final ArrayDeque<Entry> pending = new ArrayDeque<>();

  private static final class Entry {
    final long offset;
    int remaining;

    Entry(long offset, int remaining) {
      this.offset = offset;
      this.remaining = remaining;
    }
  }

  public InOrderAcks(OutboxCursor cursor) {
    this.cursor = cursor;
  }

  /** Registers the record at {@code offset} with the number of messages it was published as (0: nothing to wait for). */
  public synchronized Handle add(long offset, int messages) {
    Entry e = new Entry(offset, messages);
    pending.add(e);
    drain();
    return () -> {
      synchronized (InOrderAcks.this) {
        e.remaining--;
        drain();
      }
    };
  }

  /** Records published but not yet acknowledged. */
  public synchronized int pending() {
    return pending.size();
  }

  private void drain() {
    long next = -1;
    while (!pending.isEmpty() && pending.peekFirst().remaining <= 0) {
      next = pending.pollFirst().offset + 1;
    }
    if (next >= 0) {
      cursor.ack(next);
    }
  }

  /** Called once per acknowledged message of a record. */
  @FunctionalInterface
  public interface Handle {
    void acknowledged();
  }
}
