package io.cellpilot.energy;

import io.cellpilot.energy.attribution.CumulativeCurve;
import io.cellpilot.energy.attribution.IdleDetector;
import io.cellpilot.energy.attribution.IntervalEnergy;
import io.cellpilot.energy.attribution.IntervalQueue;
import io.cellpilot.energy.attribution.LineState;
import io.cellpilot.energy.attribution.ShiftBook;
import io.cellpilot.energy.carbon.Scope2Calculator;
import io.cellpilot.energy.meter.Increment;
import io.cellpilot.energy.meter.MeterHealth;
import io.cellpilot.energy.meter.MeterIntegrator;
import io.cellpilot.energy.meter.Step;
import io.cellpilot.energy.record.PartEnergy;
import io.cellpilot.energy.record.PickEnergy;
import io.cellpilot.energy.record.ShiftRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The energy work of one cell, fed with time-stamped facts (meter samples, the part counter, inspection verdicts, line
 * states, robot picks) and telling its {@link Listener} what follows: energy per part and per pick, shifts as they
 * close, the idle alarm, and every rejected sample. Times are the devices' own (source timestamps), so a late message
 * is still put where it belongs. Not thread-safe: one caller (thread) feeds it.
 */
public final class EnergyEngine {

  /** What the engine reports. Called on the feeding thread; implementations return quickly. */
  public interface Listener {
    default void partEnergy(PartEnergy part) {}

    default void pickEnergy(PickEnergy pick) {}

    default void shiftClosed(ShiftRecord shift) {}

    default void idleAlarm(IdleDetector.Change change) {}

    /** A sample was refused: {@code detail} says why, with the value. */
    default void rejected(String meter, Step.Reason reason, String detail) {}

    /** A meter's counter went back or its samples stopped: {@code increment} spans the unknown time. */
    default void gap(String meter, Increment increment) {}
  }

  /** One meter as it stands: energy measured since start, last sample, counts. */
  public record MeterStatus(String meter, boolean estimated, double totalKwh, Instant lastSample, MeterHealth health) {}

  private record PartTag(long fromCount, long toCount) {}

  private record PickTag(String partId, double robotReportedKwh) {}

  private final EnergyConfig config;
  private final Scope2Calculator scope2;
  private final Listener listener;
  private final Map<String, MeterIntegrator> integrators = new TreeMap<>();
  private final Map<String, CumulativeCurve> curves = new TreeMap<>();
  private final Map<String, Instant> lastSample = new TreeMap<>();
  private final IntervalQueue<PartTag> partQueue;
  private final IntervalQueue<PickTag> pickQueue;
  private final ShiftBook shifts;
  private final IdleDetector idle;
  private Instant now;
  private long lastCount = -1;
  private Instant lastCountTime;
  private PartEnergy lastPart;

  public EnergyEngine(EnergyConfig config, Scope2Calculator scope2, Listener listener) {
    this.config = config;
    this.scope2 = scope2;
    this.listener = listener;
    config.meters().forEach((id, m) -> {
      integrators.put(id, MeterIntegrator.of(m.kind(), m.limits()));
      curves.put(id, new CumulativeCurve(config.curveCapacity()));
    });
    this.partQueue = new IntervalQueue<>(config.patience(), 100_000);
    this.pickQueue = new IntervalQueue<>(config.patience(), 10_000);
    this.idle = new IdleDetector(config.idleAlarmKw(), config.idleMinDuration());
    this.shifts = new ShiftBook(config, scope2, idle, listener);
  }

  /** A reading of {@code meter} measured at {@code time}: kWh for a counter, kW for a power meter. */
  public void meterSample(String meter, Instant time, double value) {
    MeterIntegrator integrator = integrators.get(meter);
    if (integrator == null) {
      throw new IllegalArgumentException("unknown meter " + meter + " (known: " + integrators.keySet() + ")");
    }
    Step step = integrator.feed(time, value);
    if (step instanceof Step.Rejected r) {
      listener.rejected(meter, r.reason(), r.detail());
      return;
    }
    lastSample.put(meter, time);
    if (step instanceof Step.Added a) {
      Increment inc = a.increment();
      curves.get(meter).add(inc);
      if (inc.gap()) {
        listener.gap(meter, inc);
      }
      shifts.energy(meter, inc);
    }
    advance(time);
  }

  /** The line's part counter read {@code count} at {@code time}. A counter that goes back starts a new baseline. */
  public void partCount(Instant time, long count) {
    if (lastCount >= 0 && count > lastCount && time.isAfter(lastCountTime)) {
      partQueue.offer(new PartTag(lastCount, count), lastCountTime, time);
      shifts.parts(time, count - lastCount);
    }
    if (lastCount < 0 || count != lastCount) {
      lastCount = count;
      lastCountTime = time;
    }
    advance(time);
  }

  /** A part got its final verdict at {@code time}: good or not. */
  public void inspected(Instant time, boolean good) {
    shifts.inspected(time, good);
    advance(time);
  }

  /** The line entered {@code state} at {@code time}. */
  public void lineState(Instant time, LineState state) {
    shifts.lineState(time, state);
    advance(time);
  }

  /** The robot picked a part over {@code [from, to]}; {@code robotReportedKwh} is its own figure (NaN if none). */
  public void pick(String partId, Instant from, Instant to, double robotReportedKwh) {
    if (config.robotMeter() != null) {
      pickQueue.offer(new PickTag(partId, robotReportedKwh), from, to);
    } else {
      listener.pickEnergy(new PickEnergy(partId, from, to, Double.NaN, robotReportedKwh));
    }
    advance(to);
  }

  /** Moves the engine's clock (e.g. on a timer) so that overdue intervals are measured and ended shifts close. */
  public void advance(Instant time) {
    if (now == null || time.isAfter(now)) {
      now = time;
    }
    for (IntervalQueue.Resolved<PartTag> r : partQueue.resolve(curves, now)) {
      lastPart = part(r.tag(), r.energy());
      listener.partEnergy(lastPart);
    }
    if (config.robotMeter() != null) {
      Map<String, CumulativeCurve> robot = Map.of(config.robotMeter(), curves.get(config.robotMeter()));
      for (IntervalQueue.Resolved<PickTag> r : pickQueue.resolve(robot, now)) {
        PickEnergy p = new PickEnergy(r.tag().partId(), r.energy().from(), r.energy().to(),
            r.energy().of(config.robotMeter()), r.tag().robotReportedKwh());
        shifts.pick(p);
        listener.pickEnergy(p);
      }
    }
    shifts.close(now);
  }

  private PartEnergy part(PartTag tag, IntervalEnergy e) {
    long n = tag.toCount() - tag.fromCount();
    Map<String, Double> perPart = new LinkedHashMap<>();
    e.kwh().forEach((m, v) -> perPart.put(m, v / n));
    double site = perPart.getOrDefault(config.siteMeter(), Double.NaN);
    double factor = scope2.grid().kgPerKwh();
    return new PartEnergy(config.calendar().shiftAt(e.to()).id(), e.from(), e.to(), tag.fromCount(), tag.toCount(),
        perPart, new HashSet<>(e.unknown()), site, site * factor, site * shifts.marketRatio(e.to()));
  }

  /** The newest time any source reported; null before the first. */
  public Instant now() {
    return now;
  }

  /** The running shift so far (not closed); empty before the first fact. */
  public Optional<ShiftRecord> currentShift() {
    return now == null ? Optional.empty() : Optional.of(shifts.current(now));
  }

  /** The last part interval measured; empty until one is. */
  public Optional<PartEnergy> lastPart() {
    return Optional.ofNullable(lastPart);
  }

  /** Every meter's status, by id. */
  public List<MeterStatus> meters() {
    return integrators.keySet().stream().map(id -> new MeterStatus(id, config.meters().get(id).estimated(),
        curves.get(id).total(), lastSample.get(id), integrators.get(id).health())).toList();
  }

  /**
   * An operator acknowledged the idle alarm: the current idle stretch starts again at {@code time}, so a line that still
   * stands and draws raises it again after {@code idleMinDuration}.
   */
  public void resetIdleAlarm(Instant time) {
    idle.reset(time).ifPresent(listener::idleAlarm);
  }

  public boolean idleAlarmActive() {
    return idle.active();
  }

  /** Intervals still waiting for meter samples (parts, picks). */
  public int pending() {
    return partQueue.size() + pickQueue.size();
  }

  public EnergyConfig config() {
    return config;
  }
}
