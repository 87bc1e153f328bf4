package io.cellpilot.opcua.bench;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts notifications per item inside a measuring window and the sequence numbers they skipped. Each item's values
 * arrive in order on one delivery thread, so the per-item bookkeeping needs no lock.
 */
public final class SequenceCounter {
  private final long[] last;
  private final AtomicLongArray lost;
  private final LongAdder delivered = new LongAdder();
  private volatile boolean measuring;

  public SequenceCounter(int items) {
    this.last = new long[items];
    this.lost = new AtomicLongArray(items);
  }

  public void accept(int item, double value) {
    long seq = (long) value;
    long previous = last[item];
    last[item] = seq;
    if (!measuring) {
      return;
    }
    delivered.increment();
    if (previous != 0 && seq > previous + 1) {
      lost.addAndGet(item, seq - previous - 1);
    }
  }

  public void startMeasuring() {
    measuring = true;
  }

  public void stopMeasuring() {
    measuring = false;
  }

  public long delivered() {
    return delivered.sum();
  }

  public long lost() {
    long sum = 0;
    for (int i = 0; i < lost.length(); i++) {
      sum += lost.get(i);
    }
    return sum;
  }
}
