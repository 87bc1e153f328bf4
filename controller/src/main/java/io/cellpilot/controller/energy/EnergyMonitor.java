package io.cellpilot.controller.energy;

import io.cellpilot.controller.CellPart;
import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.energy.EnergyEngine;
import io.cellpilot.energy.EnergyException;
import io.cellpilot.energy.attribution.LineState;
import io.cellpilot.energy.kpi.Enpi;
import io.cellpilot.energy.meter.MeterKind;
import io.cellpilot.energy.record.PartEnergy;
import io.cellpilot.energy.record.RecordStore;
import io.cellpilot.energy.record.ShiftRecord;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.ReviewResolved;
import io.cellpilot.events.ShiftEnergyUpdated;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the energy engine from the cell: meter tags and the part counter from the cell state, line states, verdicts
 * and robot picks from the cell's events. Publishes each meter, every part interval, the running shift (every
 * {@code energy.period}) and each closed shift as events, persists them under the records folder, and raises the
 * idle-energy alarm. Every time is the controller's arrival time, so one clock orders meters, parts and line states
 * whatever the devices' clocks say. One thread (its own) owns the engine.
 */
public final class EnergyMonitor implements CellPart {
  private static final Logger log = LoggerFactory.getLogger(EnergyMonitor.class);
  static final String IDLE_ALARM = EnergyOutputs.IDLE_ALARM;

  private final EnergySettings settings;
  private final CellState cell;
  private final CellEventBus events;
  private final EventIds ids;
  private final Clock clock;
  private final AlarmBoard alarms;
  private final RecordStore store;
  private final EnergyEngine engine;
  private final MeterFeed feed;
  private final EnergyOutputs outputs;
  private final Map<String, String> lastProblem = new ConcurrentHashMap<>();
  private ScheduledExecutorService thread;
  private AutoCloseable subscription;
  private volatile boolean running;
  private double[] baseline = {Double.NaN, Double.NaN};

  public EnergyMonitor(EnergySettings settings, CellState cell, CellEventBus events, EventIds ids, Clock clock,
      AlarmBoard alarms) {
    this.settings = settings;
    this.alarms = alarms;
    this.cell = cell;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
    this.store = new RecordStore(settings.recordsDir());
    this.outputs = new EnergyOutputs(settings, events, ids, clock, store, alarms);
    this.engine = new EnergyEngine(settings.engine(), restoredScope2(), outputs);
    this.feed = new MeterFeed(settings, cell, engine, outputs, this::problem);
  }

  private io.cellpilot.energy.carbon.Scope2Calculator restoredScope2() {
    io.cellpilot.energy.carbon.Scope2Calculator s = settings.scope2();
    // Contract volumes used in earlier runs stay used: read them back from the closed shifts.
    store.allShifts().forEach(r -> s.restoreUse(r.contractKwh()));
    return s;
  }

  @Override
  public String name() {
    return "energy";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public void start() {
    running = true;
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cellpilot-energy");
      t.setDaemon(true);
      return t;
    });
    thread.execute(this::computeBaseline);
    // An operator's reset acknowledges the alarm; a line that still stands and draws raises it again later.
    alarms.onReset(IDLE_ALARM, user -> run(() -> engine.resetIdleAlarm(clock.instant())));
    cell.addListener(v -> {
      if (running && feed.wants(v.tag())) {
        run(() -> feed.tag(v));
      }
    });
    subscription = events.subscribe(e -> {
      if (running && (e instanceof LineStateChanged || e instanceof PartInspected || e instanceof ReviewResolved
          || e instanceof PartRejected)) {
        run(() -> event(e));
      }
    });
    long period = settings.period().toMillis();
    thread.scheduleAtFixedRate(this::publish, period, period, TimeUnit.MILLISECONDS);
    long tick = feed.tick().toMillis();
    thread.scheduleAtFixedRate(() -> {
      try {
        feed.hold(clock.instant());
      } catch (RuntimeException e) {
        log.error("[energy] holding meter values failed", e);
      }
    }, tick, tick, TimeUnit.MILLISECONDS);
  }

  private void run(Runnable r) {
    try {
      thread.execute(() -> {
        try {
          r.run();
        } catch (RuntimeException e) {
          log.error("[energy] failed to take in a value", e);
        }
      });
    } catch (RejectedExecutionException e) {
      log.debug("[energy] stopping: value not taken in");
    }
  }

  private void event(CellEvent e) {
    Instant now = clock.instant();
    if (e instanceof LineStateChanged l) {
      engine.lineState(l.time(), LineState.parse(l.state()));
    } else if (e instanceof PartInspected p && p.action() != PartInspected.Action.REVIEW) {
      engine.inspected(now, p.action() == PartInspected.Action.PASS);
    } else if (e instanceof ReviewResolved r) {
      engine.inspected(now, "good".equalsIgnoreCase(r.label()));
    } else if (e instanceof PartRejected r && r.outcome() == PartRejected.Outcome.PICKED) {
      Instant end = r.time();
      engine.pick(r.partId(), end.minusNanos((long) (r.cycleSeconds() * 1e9)), end, r.energyWh() / 1000);
    }
  }

  private void publish() {
    try {
      engine.advance(clock.instant());
      Instant now = clock.instant();
      PartEnergy last = engine.lastPart().orElse(null);
      for (EnergyEngine.MeterStatus m : engine.meters()) {
        EnergySettings.Tags tags = settings.meterTags().get(m.meter());
        if (tags.virtual()) {
          java.util.OptionalDouble kw = feed.estimate(m.meter());
          if (kw.isPresent()) {
            double perPartWh = last == null ? Double.NaN
                : last.kwhPerPart().getOrDefault(m.meter(), Double.NaN) * 1000;
            events.publish(new EnergyUpdated(ids.next(), now, m.meter(), kw.getAsDouble(), m.totalKwh(), perPartWh,
                m.totalKwh() * settings.factor().kgPerKwh()));
          }
          continue;
        }
        TagReading sample = cell.read(tags.sampleTag());
        if (!sample.fresh()) {
          problem(m.meter(), sample.problem());
          continue;
        }
        TagReading power = tags.powerTag() == null ? null : cell.read(tags.powerTag());
        double kw = power != null && power.fresh() && power.value().orElse(null) instanceof Number p
            ? p.doubleValue() : tags.kind() == MeterKind.POWER ? number(sample) : Double.NaN;
        double kwh = tags.kind() == MeterKind.COUNTER ? number(sample) : m.totalKwh();
        double perPartWh = last == null ? Double.NaN : last.kwhPerPart().getOrDefault(m.meter(), Double.NaN) * 1000;
        events.publish(new EnergyUpdated(ids.next(), now, m.meter(), kw, kwh, perPartWh,
            kwh * settings.factor().kgPerKwh()));
        if (lastProblem.remove(m.meter()) != null) {
          log.info("[energy] meter {} reads again", m.meter());
        }
      }
      engine.currentShift().ifPresent(s -> {
        events.publish(new ShiftEnergyUpdated(ids.next(), now, s, engine.idleAlarmActive()));
        store.writeCurrent(s);
      });
    } catch (RuntimeException e) {
      log.error("[energy] periodic publish failed", e);
    }
  }

  private static double number(TagReading r) {
    return r.value().orElse(null) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private void problem(String meter, String problem) {
    if (!problem.equals(lastProblem.put(meter, problem))) {
      log.warn("[energy] meter {} not published: {}", meter, problem);
    }
  }

  private void computeBaseline() {
    settings.baseline().ifPresent(b -> {
      double kwh = 0;
      double kg = 0;
      long good = 0;
      for (ShiftRecord r : store.shifts(b[0], b[1])) {
        if (r.closed() && Double.isFinite(r.siteKwh())) {
          kwh += r.siteKwh();
          kg += Double.isFinite(r.locationKg()) ? r.locationKg() : 0;
          good += r.good();
        }
      }
      baseline = Enpi.baseline(kwh, kg, good);
      if (good == 0) {
        log.warn("[energy] baseline {} .. {} holds no closed shift with good parts: EnPI improvement unknown", b[0],
            b[1]);
      }
    });
  }

  /** The energy figures for the HTTP API, taken on the engine's thread. */
  public Map<String, Object> status() {
    return call(() -> {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      out.put("time", clock.instant());
      out.put("siteMeter", settings.engine().siteMeter());
      out.put("factor", settings.factor());
      out.put("factorKnown", settings.factorKnown());
      out.put("meters", engine.meters());
      out.put("rejected", outputs.rejectedCounts());
      ShiftRecord shift = engine.currentShift().orElse(null);
      out.put("shift", shift);
      out.put("idleAlarm", engine.idleAlarmActive());
      out.put("lastPart", engine.lastPart().orElse(null));
      out.put("lastPick", outputs.lastPick());
      out.put("enpi", shift == null ? null : Enpi.of(shift.siteKwh(), shift.locationKg(), shift.good(), baseline[0],
          baseline[1]));
      out.put("pending", engine.pending());
      return out;
    });
  }

  /** The record store (shifts and parts on disk). */
  public RecordStore store() {
    return store;
  }

  private <T> T call(Callable<T> c) {
    try {
      return thread.submit(c).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnergyException(EnergyException.Code.IO, "interrupted");
    } catch (ExecutionException | TimeoutException e) {
      throw new EnergyException(EnergyException.Code.IO, "the energy engine did not answer: " + e);
    }
  }

  @Override
  public void stop() {
    running = false;
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        log.debug("[energy] unsubscribe failed", e);
      }
    }
    if (thread != null) {
      try {
        // The running shift's last figures are kept for the report.
        thread.submit(() -> engine.currentShift().ifPresent(store::writeCurrent)).get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("[energy] last snapshot not written", e);
      }
      thread.shutdownNow();
    }
  }
}
