package io.cellpilot.sim.time;

import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * Tasks due at simulated times, run by the stepping thread in a fixed order (due time, then the order they were
 * scheduled in), so that two runs with the same seed do the same things in the same order. Not thread-safe: the
 * model's lock guards it.
 */
public final class SimScheduler {

  private record Entry(long dueNanos, long sequence, long periodNanos, LongConsumer task) {}

  private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
      ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.sequence, b.sequence));
  private long sequence;

  /** Runs {@code task} once at simulated time {@code dueNanos}; it receives the due time. */
  public void at(long dueNanos, LongConsumer task) {
    queue.add(new Entry(dueNanos, sequence++, 0, task));
  }

  /** Runs {@code task} at {@code firstNanos} and then every {@code periodNanos}; it receives each due time. */
  public void every(long firstNanos, long periodNanos, LongConsumer task) {
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("period must be positive, was " + periodNanos + " ns");
    }
    queue.add(new Entry(firstNanos, sequence++, periodNanos, task));
  }

  /** Runs, in order, every task due at or before {@code nowNanos}. */
  public void runDue(long nowNanos) {
    while (!queue.isEmpty() && queue.peek().dueNanos <= nowNanos) {
      Entry e = queue.poll();
      if (e.periodNanos > 0) {
        queue.add(new Entry(e.dueNanos + e.periodNanos, sequence++, e.periodNanos, e.task));
      }
      e.task.accept(e.dueNanos);
    }
  }

  public int pending() {
    return queue.size();
  }
}
