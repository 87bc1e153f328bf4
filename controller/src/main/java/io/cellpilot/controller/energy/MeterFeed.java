package io.cellpilot.controller.energy;

import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.Quality;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.controller.state.TagValue;
import io.cellpilot.energy.EnergyEngine;
import io.cellpilot.energy.meter.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Turns the cell state's meter and part-counter tags into engine samples, stamped with their arrival: real values as
 * they come, held values for meters that have gone quiet while still fresh, and the virtual sub-meters' estimates.
 * Runs on the energy monitor's thread only (except {@link #estimate}, read by the publisher on the same thread).
 */
final class MeterFeed {
  /** At most this often {@link #hold} looks for meters that have been silent for half their max gap. */
  static final Duration HOLD = Duration.ofMillis(500);

  private final EnergySettings settings;
  private final CellState cell;
  private final EnergyEngine engine;
  private final EnergyEngine.Listener listener;
  private final BiConsumer<String, String> problem;
  private final Map<String, String> meterOfTag = new HashMap<>();
  /** Per meter: the time of the last sample fed (real or held) and the arrival time of the last real value fed. */
  private final Map<String, Instant> lastFed = new HashMap<>();
  private final Map<String, Instant> lastReal = new HashMap<>();
  private final List<VirtualMeter> virtuals = new ArrayList<>();
  private final Map<String, Double> lastEstimate = new ConcurrentHashMap<>();
  private final Duration tick;

  /** @param problem told (meter, why) when a meter cannot be read; it logs each new reason once */
  MeterFeed(EnergySettings settings, CellState cell, EnergyEngine engine, EnergyEngine.Listener listener,
      BiConsumer<String, String> problem) {
    this.settings = settings;
    this.cell = cell;
    this.engine = engine;
    this.listener = listener;
    this.problem = problem;
    settings.meterTags().forEach((meter, t) -> {
      if (t.virtual()) {
        virtuals.add(VirtualMeter.load(meter, t));
      } else {
        meterOfTag.put(t.sampleTag(), meter);
      }
    });
    // A quarter of the shortest max gap, 50..500 ms, so that a held value always comes before the gap bound.
    Duration shortest = settings.engine().meters().values().stream().map(m -> m.limits().maxGap())
        .min(Duration::compareTo).orElse(HOLD.multipliedBy(4));
    Duration quarter = shortest.dividedBy(4);
    this.tick = quarter.compareTo(HOLD) > 0 ? HOLD : quarter.toMillis() < 50 ? Duration.ofMillis(50) : quarter;
  }

  /** True for the tags this feed takes in (meters and the part counter). */
  boolean wants(String tag) {
    return meterOfTag.containsKey(tag) || tag.equals(settings.partCountTag());
  }

  /** How often {@link #hold} should run. */
  Duration tick() {
    return tick;
  }

  /** Takes in one tag update. A BAD value sends nothing: the silence becomes a gap, never an invented value. */
  void tag(TagValue v) {
    Instant t = v.receivedTime();
    if (v.quality() != Quality.GOOD) {
      return;
    }
    if (v.tag().equals(settings.partCountTag())) {
      if (v.value() instanceof Number n && n.longValue() >= 0) {
        engine.partCount(t, n.longValue());
      } else {
        listener.rejected(settings.partCountTag(), Step.Reason.NOT_FINITE, "part count " + v.value()
            + " is not a count");
      }
    }
    String meter = meterOfTag.get(v.tag());
    if (meter == null) {
      return;
    }
    if (v.value() instanceof Number n) {
      Instant held = lastFed.get(meter);
      // A value that arrived while a held one was taken in is stamped just after it, never before.
      Instant at = held != null && !t.isAfter(held) ? held.plusNanos(1) : t;
      lastFed.put(meter, at);
      lastReal.put(meter, t);
      engine.meterSample(meter, at, n.doubleValue());
    } else {
      listener.rejected(meter, Step.Reason.NOT_FINITE, "value " + v.value() + " of " + v.tag() + " is not a number");
    }
  }

  /**
   * Estimates the virtual sub-meters, and takes in again the value of each meter silent for half its max gap while
   * the cell state still vouches for it (fresh: the source confirms unchanged values). OPC UA subscriptions report
   * changes only, so a steady power (or a counter that does not move) would otherwise look like a gap. Not sooner:
   * notifications arrive in batches (one per publishing interval), and a value held between two batches would claim
   * the counter stood still while it did not.
   */
  void hold(Instant now) {
    for (VirtualMeter v : virtuals) {
      Map<String, String> problems = new HashMap<>();
      OptionalDouble kw = v.estimate(cell, problems);
      if (kw.isPresent()) {
        lastEstimate.put(v.meter(), kw.getAsDouble());
        engine.meterSample(v.meter(), now, kw.getAsDouble());
      } else {
        lastEstimate.remove(v.meter());
        problems.forEach(problem);
      }
    }
    settings.meterTags().forEach((meter, tags) -> {
      if (tags.virtual()) {
        return;
      }
      Instant last = lastFed.get(meter);
      // Half the max gap, less one tick: the next held value comes before the bound even if a tick runs late.
      Duration silence = settings.engine().meters().get(meter).limits().maxGap().dividedBy(2).minus(tick);
      if (last != null && Duration.between(last, now).compareTo(silence) < 0) {
        return;
      }
      TagReading r = cell.read(tags.sampleTag());
      // Only a value already taken in is held: a newer one still queued for this thread must come first.
      boolean current = r.last() != null && r.last().receivedTime().equals(lastReal.get(meter));
      if (current && r.fresh() && r.value().orElse(null) instanceof Number n) {
        lastFed.put(meter, now);
        engine.meterSample(meter, now, n.doubleValue());
      }
    });
  }

  /** A virtual sub-meter's last estimate, kW; empty while its inputs are not fresh. */
  OptionalDouble estimate(String meter) {
    Double kw = lastEstimate.get(meter);
    return kw == null ? OptionalDouble.empty() : OptionalDouble.of(kw);
  }
}
