package io.cellpilot.robot.guard;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Rejections per reason since start: plain counters the controller exports as metrics. Thread-safe. */
public final class RejectionCounters {

  private final AtomicLongArray counts = new AtomicLongArray(RejectReason.values().length);

  public void increment(RejectReason reason) {
    counts.incrementAndGet(reason.ordinal());
  }

  public long count(RejectReason reason) {
    return counts.get(reason.ordinal());
  }

  public long total() {
    long t = 0;
    for (int i = 0; i < counts.length(); i++) {
      t += counts.get(i);
    }
    return t;
  }

  /** Every reason with its count, zeros included (so dashboards see the full set). */
  public Map<RejectReason, Long> snapshot() {
    Map<RejectReason, Long> m = new EnumMap<>(RejectReason.class);
    for (RejectReason r : RejectReason.values()) {
      m.put(r, counts.get(r.ordinal()));
    }
    return m;
  }
}
