package io.cellpilot.vision.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Lock-free latency histogram with logarithmic buckets (10 per decade, 10 us to 100 s): cheap enough to record every
 * inspection, exact enough (about 12 %) for percentiles; the controller exports the buckets as they are.
 */
public final class LatencyHistogram {
  private static final double MIN_SECONDS = 10e-6;
  private static final int PER_DECADE = 10;
  private static final int BUCKETS = 7 * PER_DECADE + 1;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong sumNanos = new AtomicLong();
  private final AtomicLong maxNanos = new AtomicLong();

  public void record(long nanos) {
    double seconds = Math.max(nanos, 1) / 1e9;
    int bucket = seconds <= MIN_SECONDS ? 0
        : (int) Math.ceil(Math.log10(seconds / MIN_SECONDS) * PER_DECADE - 1e-9);
    counts.incrementAndGet(Math.min(bucket, BUCKETS));
    total.incrementAndGet();
    sumNanos.addAndGet(nanos);
    maxNanos.accumulateAndGet(nanos, Math::max);
  }

  /** Upper bound in seconds of bucket {@code i} (the last bucket is unbounded). */
  public static double upperBound(int i) {
    return i >= BUCKETS ? Double.POSITIVE_INFINITY : MIN_SECONDS * Math.pow(10, (double) i / PER_DECADE);
  }

  /** A consistent-enough copy for export and percentiles. */
  public Snapshot snapshot() {
    long[] c = new long[BUCKETS + 1];
    for (int i = 0; i < c.length; i++) {
      c[i] = counts.get(i);
    }
    return new Snapshot(c, total.get(), sumNanos.get() / 1e9, maxNanos.get() / 1e9);
  }

  /**
   * Counts per bucket (see {@link #upperBound(int)}), total count, sum and max in seconds.
   */
  public record Snapshot(long[] counts, long count, double sumSeconds, double maxSeconds) {
    /** The bucket bound below which {@code q} (0..1) of the recorded values lie; NaN when empty. */
    public double quantileSeconds(double q) {
      if (count == 0) {
        return Double.NaN;
      }
      long rank = (long) Math.ceil(q * count);
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= rank) {
          return Math.min(upperBound(i), maxSeconds);
        }
      }
      return maxSeconds;
    }

    public double meanSeconds() {
      return count == 0 ? Double.NaN : sumSeconds / count;
    }
  }
}
