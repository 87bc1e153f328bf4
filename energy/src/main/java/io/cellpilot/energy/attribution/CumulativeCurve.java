package io.cellpilot.energy.attribution;

import io.cellpilot.energy.meter.Increment;
import java.time.Instant;

/**
 * One meter's measured energy as a function of time, for the recent past: the sum of its increments at each sample
 * time. Between samples it is interpolated linearly (constant power over the step, as the trapezoid rule and a
 * counter both imply); across a gap it stays flat, since the gap's energy is unknown and not counted. A bounded ring:
 * the oldest points fall out. Not thread-safe.
 */
public final class CumulativeCurve {
  private final long[] times;
  private final double[] kwh;
  private final boolean[] gapBefore;
  private int start;
  private int size;
  private double total;
  private int gaps;

  /** @param capacity points kept (e.g. 4096 samples: about an hour at one sample a second) */
  public CumulativeCurve(int capacity) {
    times = new long[capacity];
    kwh = new double[capacity];
    gapBefore = new boolean[capacity];
  }

  /** Adds the increment's end point; the first call also records its start. Increments must come in time order. */
  public void add(Increment i) {
    if (size == 0) {
      push(nanos(i.from()), 0, false);
    }
    total += i.kwh();
    push(nanos(i.to()), total, i.gap());
  }

  private void push(long t, double value, boolean gap) {
    int idx;
    if (size < times.length) {
      idx = (start + size) % times.length;
      size++;
    } else {
      idx = start;
      if (gapBefore[idx]) {
        gaps--;
      }
      start = (start + 1) % times.length;
    }
    if (gap) {
      gaps++;
    }
    times[idx] = t;
    kwh[idx] = value;
    gapBefore[idx] = gap;
  }

  /** Energy measured so far, kWh (from the first sample). */
  public double total() {
    return total;
  }

  /** The time of the newest point; null before the first. */
  public Instant newest() {
    return size == 0 ? null : instant(times[(start + size - 1) % times.length]);
  }

  /** True when {@code t} is not after the newest point, so {@link #at} can answer (or knows it is too old). */
  public boolean covers(Instant t) {
    return size > 0 && nanos(t) <= times[(start + size - 1) % times.length];
  }

  /**
   * The cumulative energy at {@code t}, kWh; NaN when {@code t} lies before the oldest point kept or after the
   * newest.
   */
  public double at(Instant t) {
    long n = nanos(t);
    if (size == 0 || n < times[start] || n > times[(start + size - 1) % times.length]) {
      return Double.NaN;
    }
    int lo = firstAtOrAfter(n);
    int b = (start + lo) % times.length;
    if (times[b] == n || lo == 0) {
      return kwh[b];
    }
    int a = (start + lo - 1) % times.length;
    if (gapBefore[b]) {
      return kwh[a];
    }
    double f = (double) (n - times[a]) / (times[b] - times[a]);
    return kwh[a] + f * (kwh[b] - kwh[a]);
  }

  /** Position (0 = oldest) of the first point at or after {@code n}; {@code size} when none is. */
  private int firstAtOrAfter(long n) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[(start + mid) % times.length] < n) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** True when a gap (unknown energy) lies within {@code [from, to]}. */
  public boolean gapWithin(Instant from, Instant to) {
    if (gaps == 0) {
      return false;
    }
    long f = nanos(from);
    long t = nanos(to);
    for (int k = Math.max(1, firstAtOrAfter(f)); k < size; k++) {
      int idx = (start + k) % times.length;
      int prev = (start + k - 1) % times.length;
      if (times[prev] >= t) {
        break;
      }
      if (gapBefore[idx] && times[idx] > f) {
        return true;
      }
    }
    return false;
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
