package io.cellpilot.energy.attribution;

import io.cellpilot.energy.EnergyConfig;
import io.cellpilot.energy.EnergyEngine;
import io.cellpilot.energy.carbon.Carbon;
import io.cellpilot.energy.carbon.Scope2Calculator;
import io.cellpilot.energy.meter.Increment;
import io.cellpilot.energy.record.PickEnergy;
import io.cellpilot.energy.record.ShiftRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The open shifts' tallies: splits each energy increment at shift boundaries and line-state changes (constant power
 * within an increment), counts idle energy, carbon, parts, verdicts, picks and time per line state, and closes a
 * shift once the newest time seen is {@code patience} past its end (so late samples still land in it). Not
 * thread-safe; {@link EnergyEngine} owns it.
 */
public final class ShiftBook {
  private static final int MAX_STATE_CHANGES = 10_000;

  private final EnergyConfig config;
  private final ShiftCalendar calendar;
  private final Scope2Calculator scope2;
  private final IdleDetector idle;
  private final EnergyEngine.Listener listener;
  private final NavigableMap<Instant, ShiftTally> open = new TreeMap<>();
  private final NavigableMap<Instant, LineState> states = new TreeMap<>();
  private Instant stateClock;
  private Instant closedUntil = Instant.MIN;
  private long lateIncrements;

  public ShiftBook(EnergyConfig config, Scope2Calculator scope2, IdleDetector idle, EnergyEngine.Listener listener) {
    this.config = config;
    this.calendar = config.calendar();
    this.scope2 = scope2;
    this.idle = idle;
    this.listener = listener;
  }

  private ShiftTally tally(Instant t) {
    ShiftCalendar.Shift s = calendar.shiftAt(t);
    return open.computeIfAbsent(s.start(), k -> new ShiftTally(s, config.meters().keySet()));
  }

  private LineState stateAt(Instant t) {
    Map.Entry<Instant, LineState> e = states.floorEntry(t);
    return e == null ? LineState.UNKNOWN : e.getValue();
  }

  /** Adds one meter's increment, split at shift boundaries and line-state changes. */
  public void energy(String meter, Increment inc) {
    if (inc.to().isBefore(closedUntil) || inc.to().equals(closedUntil)) {
      lateIncrements++;
      return;
    }
    double total = inc.seconds();
    Instant a = inc.from().isBefore(closedUntil) ? closedUntil : inc.from();
    boolean site = meter.equals(config.siteMeter());
    while (a.isBefore(inc.to())) {
      ShiftTally tally = tally(a);
      Instant b = tally.shift.end().isBefore(inc.to()) ? tally.shift.end() : inc.to();
      Instant change = states.higherKey(a);
      if (change != null && change.isBefore(b)) {
        b = change;
      }
      double secs = Duration.between(a, b).toNanos() / 1e9;
      if (inc.gap()) {
        tally.gapSeconds.merge(meter, secs, Double::sum);
      } else {
        double kwh = total > 0 ? inc.kwh() * secs / total : inc.kwh();
        tally.measured.add(meter);
        tally.meterKwh.merge(meter, kwh, Double::sum);
        if (site) {
          LineState state = stateAt(a);
          if (state.idle()) {
            tally.idleKwh += kwh;
          }
          Carbon c = scope2.consume(kwh, a.atZone(calendar.zone()).toLocalDate());
          tally.locationKg += c.locationKg();
          tally.marketKg += c.marketKg();
          c.contractKwh().forEach((id, v) -> tally.contractKwh.merge(id, v, Double::sum));
          idle.energy(a, b, kwh, state).ifPresent(listener::idleAlarm);
        }
      }
      a = b;
    }
  }

  /** {@code n} parts entered the line at {@code t}. */
  public void parts(Instant t, long n) {
    if (t.isAfter(closedUntil)) {
      tally(t).parts += n;
    }
  }

  /** A part's verdict at {@code t}. */
  public void inspected(Instant t, boolean good) {
    if (t.isAfter(closedUntil)) {
      ShiftTally tally = tally(t);
      tally.inspected++;
      if (good) {
        tally.good++;
      }
    }
  }

  /** A measured robot pick. */
  public void pick(PickEnergy p) {
    if (p.to().isAfter(closedUntil)) {
      ShiftTally tally = tally(p.to());
      tally.picks++;
      if (Double.isFinite(p.meterKwh())) {
        tally.pickKwh += p.meterKwh();
      }
    }
  }

  /** The line entered {@code state} at {@code t}: the time before it goes to the previous state. */
  public void lineState(Instant t, LineState state) {
    accountStates(t);
    states.put(t, state);
    if (state != LineState.RUNNING && !state.idle()) {
      idle.reset(t).ifPresent(listener::idleAlarm);
    }
    while (states.size() > MAX_STATE_CHANGES) {
      states.pollFirstEntry();
    }
  }

  private void accountStates(Instant until) {
    if (stateClock == null) {
      stateClock = until;
      return;
    }
    Instant a = stateClock;
    LineState s = stateAt(a);
    while (a.isBefore(until)) {
      ShiftTally tally = tally(a);
      Instant b = tally.shift.end().isBefore(until) ? tally.shift.end() : until;
      tally.stateSeconds.merge(s, Duration.between(a, b).toNanos() / 1e9, Double::sum);
      a = b;
    }
    if (until.isAfter(stateClock)) {
      stateClock = until;
    }
  }

  /** Market-based kg per site kWh in the shift of {@code t} so far; the residual factor when nothing is known yet. */
  public double marketRatio(Instant t) {
    ShiftTally tally = open.get(calendar.shiftAt(t).start());
    double kwh = tally == null ? 0 : tally.meterKwh.getOrDefault(config.siteMeter(), 0.0);
    return kwh > 0 ? tally.marketKg / kwh : scope2.residualKgPerKwh();
  }

  /** Closes (reports and forgets) every shift that ended more than {@code patience} before {@code now}. */
  public void close(Instant now) {
    Instant cutoff = now.minus(config.patience());
    for (Iterator<ShiftTally> it = open.values().iterator(); it.hasNext(); ) {
      ShiftTally t = it.next();
      if (t.shift.end().isAfter(cutoff)) {
        break;
      }
      accountStates(t.shift.end());
      listener.shiftClosed(record(t, true));
      closedUntil = t.shift.end();
      it.remove();
    }
  }

  /** The running shift at {@code now}, so far. */
  public ShiftRecord current(Instant now) {
    accountStates(now);
    return record(tally(now), false);
  }

  private ShiftRecord record(ShiftTally t, boolean closed) {
    return t.toRecord(closed, config.siteMeter(), config.estimatedMeters(), scope2.grid().key(),
        scope2.grid().kgPerKwh(), config.idealCycle());
  }

  /** Increments that arrived after their shift had closed (counted, not added). */
  public long lateIncrements() {
    return lateIncrements;
  }
}
