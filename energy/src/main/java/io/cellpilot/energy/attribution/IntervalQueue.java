package io.cellpilot.energy.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Intervals (a part's, a robot pick's) waiting until every meter has samples past their end, then measured on the
 * meters' {@link CumulativeCurve}s. A meter that stays silent for {@code patience} past an interval's end is given up
 * on for that interval (reported unknown), so one dead meter does not hold the others back. Not thread-safe.
 *
 * @param <T> what the caller attaches to each interval (e.g. the part counts)
 */
public final class IntervalQueue<T> {

  /** An interval, measured. */
  public record Resolved<T>(T tag, IntervalEnergy energy) {}

  private record Pending<T>(T tag, Instant from, Instant to) {}

  private final Deque<Pending<T>> pending = new ArrayDeque<>();
  private final Duration patience;
  private final int capacity;

  public IntervalQueue(Duration patience, int capacity) {
    this.patience = patience;
    this.capacity = capacity;
  }

  /** Queues {@code [from, to]}; when the queue is full, the oldest is measured at once with what is known. */
  public void offer(T tag, Instant from, Instant to) {
    pending.addLast(new Pending<>(tag, from, to));
  }

  /** Intervals still waiting. */
  public int size() {
    return pending.size();
  }

  /**
   * Measures every interval, oldest first, that all meters cover, or whose end lies more than {@code patience} before
   * {@code now} (the newest time any source has reported).
   */
  public List<Resolved<T>> resolve(Map<String, CumulativeCurve> curves, Instant now) {
    List<Resolved<T>> out = new ArrayList<>();
    while (!pending.isEmpty()) {
      Pending<T> p = pending.peekFirst();
      boolean covered = curves.values().stream().allMatch(c -> c.covers(p.to()));
      boolean overdue = now != null && p.to().plus(patience).isBefore(now);
      if (!covered && !overdue && pending.size() <= capacity) {
        break;
      }
      pending.pollFirst();
      out.add(new Resolved<>(p.tag(), measure(curves, p.from(), p.to())));
    }
    return out;
  }

  /** The energy of every meter over {@code [from, to]} as far as the curves know it. */
  public static IntervalEnergy measure(Map<String, CumulativeCurve> curves, Instant from, Instant to) {
    Map<String, Double> kwh = new LinkedHashMap<>();
    Set<String> unknown = new HashSet<>();
    curves.forEach((meter, curve) -> {
      double a = curve.at(from);
      double b = curve.at(to);
      if (Double.isNaN(a) || Double.isNaN(b) || curve.gapWithin(from, to)) {
        kwh.put(meter, Double.NaN);
        unknown.add(meter);
      } else {
        kwh.put(meter, Math.max(0, b - a));
      }
    });
    return new IntervalEnergy(from, to, kwh, Set.copyOf(unknown));
  }
}
