package io.cellpilot.controller.health;

import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.alarm.AlarmLogic;
import io.cellpilot.controller.alarm.AlarmState;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.StaleDataException;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.events.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Each period, for each machine: the latest fresh values of its sensor tags form a window, the health model scores
 * it, and {@link AlarmLogic} raises or clears the machine's alarm ({@code health/<machine>}). A window with stale
 * sensors is not scored (its values would be old); after data had been flowing, that raises a warning of its own
 * ({@code health/<machine>/data}) so operators know the machine is unwatched.
 */
public final class HealthMonitor {
  private final CellState state;
  private final ModelRegistry models;
  private final AlarmBoard alarms;
  private final List<Machine> machines = new ArrayList<>();

  private static final class Machine {
    final MachineHealth config;
    final HealthModel builtIn;
    AlarmState alarm = AlarmState.INACTIVE;
    boolean sawData;
    double lastScore = Double.NaN;
    final LongAdder skipped = new LongAdder();

    Machine(MachineHealth config) {
      this.config = config;
      this.builtIn = new ZScoreHealthModel(config.probationSamples());
    }

    String alarmId() {
      return "health/" + config.machine();
    }
  }

  /** A machine's latest health as the API shows it. */
  public record Status(String machine, double score, String alarm, long skippedWindows) {}

  public HealthMonitor(List<MachineHealth> machines, CellState state, ModelRegistry models, AlarmBoard alarms) {
    this.state = state;
    this.models = models;
    this.alarms = alarms;
    for (MachineHealth m : machines) {
      Machine machine = new Machine(m);
      this.machines.add(machine);
      alarms.onReset(machine.alarmId(), user -> {
        synchronized (machine) {
          machine.alarm = AlarmState.INACTIVE;
        }
      });
    }
  }

  /** Scores one window per machine; called by the application's scheduler every period. */
  public void tick(Instant now) {
    for (Machine m : machines) {
      synchronized (m) {
        tick(m, now);
      }
    }
  }

  private void tick(Machine m, Instant now) {
    String machine = m.config.machine();
    Map<String, TagReading> readings;
    try {
      readings = state.requireFresh(m.config.tags());
    } catch (StaleDataException e) {
      m.skipped.increment();
      if (m.sawData) {
        alarms.raise(m.alarmId() + "/data", machine, Severity.WARNING,
            "health of " + machine + " is not watched: " + e.getMessage(), Double.NaN);
      }
      return;
    }
    m.sawData = true;
    alarms.clear(m.alarmId() + "/data", "auto");
    double[] values = new double[m.config.tags().size()];
    for (int i = 0; i < values.length; i++) {
      Object v = readings.get(m.config.tags().get(i)).value().orElse(Double.NaN);
      values[i] = v instanceof Number n ? n.doubleValue() : v instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
    }
    double score = model(m).observe(now, values);
    m.lastScore = score;
    AlarmState before = m.alarm;
    AlarmState after = AlarmLogic.next(before, score, m.config.thresholds());
    m.alarm = after;
    if (after.active() != before.active()) {
      if (after.isActive()) {
        alarms.raise(m.alarmId(), machine, after.active(), String.format(Locale.ROOT,
            "%s health score %.2f (%s raises at %.2f)", machine, score, after.active(),
            after.active() == Severity.CRITICAL ? m.config.thresholds().criticalRaise()
                : m.config.thresholds().warningRaise()), score);
      } else {
        alarms.clear(m.alarmId(), "auto");
      }
    }
  }

  private HealthModel model(Machine m) {
    if (m.config.modelId().isEmpty()) {
      return m.builtIn;
    }
    // A configured model that is not loaded (yet) falls back to the built-in detector rather than watching nothing.
    return models.active(m.config.modelId()).map(l -> l.as(HealthModel.class)).orElse(m.builtIn);
  }

  public List<Status> status() {
    List<Status> out = new ArrayList<>();
    for (Machine m : machines) {
      synchronized (m) {
        out.add(new Status(m.config.machine(), m.lastScore,
            m.alarm.isActive() ? m.alarm.active().name() : "", m.skipped.sum()));
      }
    }
    return out;
  }
}
