package io.cellpilot.controller.alarm;

import io.cellpilot.events.AlarmCleared;
import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.Severity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell's active alarms: raised and cleared by the detectors, reset by operators, each change published as an
 * event. A reset clears the alarm now; if its condition persists it is raised again after the usual debounce.
 */
public final class AlarmBoard {
  private static final Logger log = LoggerFactory.getLogger(AlarmBoard.class);

  private final CellEventBus events;
  private final EventIds ids;
  private final Clock clock;
  private final Map<String, ActiveAlarm> active = new TreeMap<>();
  private final Map<String, Consumer<String>> resetHooks = new TreeMap<>();

  public AlarmBoard(CellEventBus events, EventIds ids, Clock clock) {
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  /** Raises the alarm or changes its severity; nothing happens when it is already active at that severity. */
  public void raise(String alarmId, String source, Severity severity, String message, double score) {
    synchronized (this) {
      ActiveAlarm current = active.get(alarmId);
      if (current != null && current.severity() == severity) {
        return;
      }
      active.put(alarmId, new ActiveAlarm(alarmId, source, severity, message, score, clock.instant().toString()));
    }
    log.warn("[{}] alarm {} {}: {}", source, alarmId, severity, message);
    events.publish(new AlarmRaised(ids.next(), clock.instant(), alarmId, source, severity, message, score));
  }

  /** Clears the alarm when the condition went away ({@code by} = {@code auto}) or an operator reset it. */
  public void clear(String alarmId, String by) {
    ActiveAlarm removed;
    synchronized (this) {
      removed = active.remove(alarmId);
    }
    if (removed != null) {
      log.info("[{}] alarm {} cleared by {}", removed.source(), alarmId, by);
      events.publish(new AlarmCleared(ids.next(), clock.instant(), alarmId, removed.source(), by));
    }
  }

  /** An operator's reset: clears the alarm and restarts its detector's debounce. False when it was not active. */
  public boolean reset(String alarmId, String user) {
    if (get(alarmId).isEmpty()) {
      return false;
    }
    Consumer<String> hook;
    synchronized (this) {
      hook = resetHooks.get(alarmId);
    }
    if (hook != null) {
      hook.accept(user);
    }
    clear(alarmId, user);
    return true;
  }

  /** Lets the owner of an alarm forget its state when an operator resets it. */
  public synchronized void onReset(String alarmId, Consumer<String> hook) {
    resetHooks.put(alarmId, hook);
  }

  public synchronized List<ActiveAlarm> list() {
    return new ArrayList<>(active.values());
  }

  public synchronized Optional<ActiveAlarm> get(String alarmId) {
    return Optional.ofNullable(active.get(alarmId));
  }
}
