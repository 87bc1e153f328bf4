package io.cellpilot.controller.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.alarm.AlarmThresholds;
import io.cellpilot.controller.models.ModelLoader;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagMaxAges;
import io.cellpilot.controller.state.TagValue;
import io.cellpilot.events.AlarmCleared;
import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.events.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
  private final List<CellEvent> events = new CopyOnWriteArrayList<>();
  private final InProcessEventBus bus = new InProcessEventBus();
  private final Clock clock = Clock.systemUTC();
  private final CellState state = new CellState(clock, new TagMaxAges(Duration.ofSeconds(30)));
  private final AlarmBoard alarms = new AlarmBoard(bus, EventIds.startingNow(), clock);
  private final HealthMonitor monitor;

  HealthMonitorTest() {
    bus.subscribe(events::add);
    ModelRegistry models = new ModelRegistry(Map.of(), ModelLoader.UNWIRED, Path.of("."), bus,
        EventIds.startingNow(), clock);
    monitor = new HealthMonitor(List.of(new MachineHealth("press", List.of("press.vibration", "press.current"), "",
        50, new AlarmThresholds(4, 3, 8, 6, 3, 3))), state, models, alarms);
  }

  private void window(double vibration, double current) {
    Instant now = clock.instant();
    state.accept(TagValue.good("press.vibration", vibration, now, now));
    state.accept(TagValue.good("press.current", current, now, now));
    monitor.tick(now);
  }

  @Test
  void aGrowingBearingFaultRaisesTheAlarmAndItClearsWhenTheMachineIsNormalAgain() {
    Random noise = new Random(7);
    for (int i = 0; i < 80; i++) {
      window(2.0 + noise.nextGaussian() * 0.1, 4.0 + noise.nextGaussian() * 0.05);
    }
    assertTrue(alarms.list().isEmpty(), "normal running raises nothing: " + alarms.list());
    for (int i = 0; i < 5; i++) {
      window(2.0 + 0.6 * (i + 1), 4.0);
    }
    AlarmRaised raised = (AlarmRaised) events.stream().filter(e -> e instanceof AlarmRaised).findFirst()
        .orElseThrow();
    assertEquals("health/press", raised.alarmId());
    assertEquals(Severity.CRITICAL, alarms.get("health/press").orElseThrow().severity());
    for (int i = 0; i < 5; i++) {
      window(2.0, 4.0);
    }
    assertTrue(alarms.get("health/press").isEmpty());
    assertTrue(events.stream().anyMatch(e -> e instanceof AlarmCleared c && c.clearedBy().equals("auto")));
  }

  @Test
  void anOperatorResetClearsTheAlarmAndAPersistingFaultRaisesItAgain() {
    for (int i = 0; i < 60; i++) {
      window(2.0 + (i % 2) * 0.1, 4.0);
    }
    for (int i = 0; i < 3; i++) {
      window(9.0, 4.0);
    }
    assertTrue(alarms.get("health/press").isPresent());
    assertTrue(alarms.reset("health/press", "ann"));
    assertTrue(alarms.get("health/press").isEmpty());
    window(9.0, 4.0);
    assertTrue(alarms.get("health/press").isEmpty(), "debounce restarts after a reset");
    window(9.0, 4.0);
    window(9.0, 4.0);
    assertTrue(alarms.get("health/press").isPresent());
  }

  @Test
  void staleSensorsAreNotScoredAndOnceDataFlowedTheyRaiseADataWarning() {
    monitor.tick(clock.instant());
    assertTrue(alarms.list().isEmpty(), "no warning before any data arrived");
    window(2.0, 4.0);
    state.accept(TagValue.bad("press.current", clock.instant()));
    monitor.tick(clock.instant());
    assertEquals(Severity.WARNING, alarms.get("health/press/data").orElseThrow().severity());
    assertEquals(2, monitor.status().get(0).skippedWindows(), "the window before any data and the stale one");
  }
}
