package io.cellpilot.controller.energy;

import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.energy.EnergyEngine;
import io.cellpilot.energy.attribution.IdleDetector;
import io.cellpilot.energy.meter.Increment;
import io.cellpilot.energy.meter.Step;
import io.cellpilot.energy.record.PartEnergy;
import io.cellpilot.energy.record.PickEnergy;
import io.cellpilot.energy.record.RecordStore;
import io.cellpilot.energy.record.ShiftRecord;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.PartEnergyRecorded;
import io.cellpilot.events.Severity;
import io.cellpilot.events.ShiftEnergyUpdated;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the engine's findings go: part intervals and closed shifts become events and records, the idle alarm goes
 * through the alarm board, rejected readings are counted per meter and reason and logged with the meter's tag.
 */
final class EnergyOutputs implements EnergyEngine.Listener {
  private static final Logger log = LoggerFactory.getLogger(EnergyOutputs.class);
  static final String IDLE_ALARM = "energy/idle";

  private final EnergySettings settings;
  private final CellEventBus events;
  private final EventIds ids;
  private final Clock clock;
  private final RecordStore store;
  private final AlarmBoard alarms;
  private final Map<String, AtomicLong> rejected = new ConcurrentHashMap<>();
  private volatile PickEnergy lastPick;
  private volatile boolean idleActive;

  EnergyOutputs(EnergySettings settings, CellEventBus events, EventIds ids, Clock clock, RecordStore store,
      AlarmBoard alarms) {
    this.settings = settings;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
    this.store = store;
    this.alarms = alarms;
  }

  @Override
  public void partEnergy(PartEnergy part) {
    events.publish(new PartEnergyRecorded(ids.next(), clock.instant(), part));
    store.appendPart(part);
  }

  @Override
  public void pickEnergy(PickEnergy pick) {
    lastPick = pick;
  }

  @Override
  public void shiftClosed(ShiftRecord shift) {
    store.appendShift(shift);
    events.publish(new ShiftEnergyUpdated(ids.next(), clock.instant(), shift, idleActive));
    log.info("[energy] shift {} closed: {} kWh, {} parts ({} good), {} kg CO2 (location), OEE {}", shift.shift(),
        fmt(shift.siteKwh()), shift.parts(), shift.good(), fmt(shift.locationKg()), fmt(shift.oee()));
  }

  @Override
  public void idleAlarm(IdleDetector.Change c) {
    idleActive = c.active();
    if (c.active()) {
      String msg = String.format(Locale.ROOT, "the stopped line draws %.2f kW on average for %d min (alarm above "
          + "%.2f kW)", c.meanKw(), c.stretch().toMinutes(), settings.engine().idleAlarmKw());
      alarms.raise(IDLE_ALARM, settings.engine().siteMeter(), Severity.WARNING, msg, c.meanKw());
    } else {
      alarms.clear(IDLE_ALARM, "auto");
    }
  }

  @Override
  public void rejected(String meter, Step.Reason reason, String detail) {
    long n = rejected.computeIfAbsent(meter + "/" + reason, k -> new AtomicLong()).incrementAndGet();
    if (n == 1 || n % 1000 == 0) {
      EnergySettings.Tags t = settings.meterTags().get(meter);
      String tag = t != null && t.sampleTag() != null ? t.sampleTag() : meter;
      log.warn("[energy] meter {} ({}): reading rejected, {} ({} {} so far)", meter, tag, detail, n, reason);
    }
  }

  @Override
  public void gap(String meter, Increment gap) {
    log.warn("[energy] meter {}: {} of {} s from {}: energy unknown, not counted", meter,
        gap.kind() == Increment.Kind.RESET ? "counter reset" : "gap", fmt(gap.seconds()), gap.from());
  }

  /** Rejected readings so far, by {@code <meter>/<reason>}. */
  Map<String, Long> rejectedCounts() {
    return rejected.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue()
        .get()));
  }

  PickEnergy lastPick() {
    return lastPick;
  }

  static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "unknown";
  }
}
