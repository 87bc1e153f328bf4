package io.cellpilot.controller.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.alarm.AlarmThresholds;
import io.cellpilot.controller.health.HealthModel;
import io.cellpilot.controller.health.HealthMonitor;
import io.cellpilot.controller.health.MachineHealth;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagMaxAges;
import io.cellpilot.controller.state.TagValue;
import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.faults.ScenarioReader;
import io.cellpilot.sim.machines.MachineId;
import io.cellpilot.vision.engine.EngineConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default press health package (deploy/models/press-health.cpm) in the controller's health monitor, fed the
 * simulator's own press sensors (its cell model stepped at full speed): a cold start is normal, a wearing bearing
 * raises the alarm.
 */
class VisionHealthTest {
  static final Path MODELS = Path.of("..", "deploy", "models");
  static final List<String> TAGS = List.of("press.vibration", "press.current", "press.bearing-temperature");
  /** As deploy/cellpilot-sim.yml: above the largest normal score seen, raised after 3 windows of 20 samples. */
  static final AlarmThresholds THRESHOLDS = new AlarmThresholds(7, 5, 12, 9, 60, 200);

  static TreeMap<Instant, double[]> press;
  static Instant faultStart;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<CellEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void simulateTheCellWithAWearingBearing() {
    SimConfig config = SimConfig.builder().seed(404)
        .faults(new ScenarioReader(List.of(MachineId.PRESS, MachineId.CONVEYOR))
            .readFile(MODELS.resolve("bearing-faults.yml")))
        .build();
    SensorSeries.Series series = SensorSeries.generate(config, Duration.ofMinutes(75), Duration.ofSeconds(5));
    press = series.rows().get(MachineId.PRESS);
    faultStart = series.faults().get(0).simStart();
    assertEquals(SensorSeries.DEFAULT_START.plus(Duration.ofMinutes(60)), faultStart);
  }

  @Test
  void aWearingBearingRaisesThePressAlarmAndTheColdStartBeforeItDoesNot() throws Exception {
    ManualClock clock = new ManualClock(press.firstKey());
    InProcessEventBus bus = new InProcessEventBus();
    bus.subscribe(events::add);
    VisionModelLoader loader = new VisionModelLoader(null, EngineConfig.defaults(), false, new VisionMetrics(meters));
    ModelRegistry registry = new ModelRegistry(Map.of("press-health", "health"), loader, MODELS, bus,
        EventIds.startingNow(), clock);
    registry.load("press-health", MODELS.resolve("press-health.cpm"), "config");
    CellState state = new CellState(clock, new TagMaxAges(Duration.ofSeconds(10)));
    HealthMonitor monitor = new HealthMonitor(List.of(new MachineHealth("press", TAGS, "press-health", 60,
        THRESHOLDS)), state, registry, new AlarmBoard(bus, EventIds.startingNow(), clock));

    press.forEach((t, values) -> {
      clock.now = t;
      for (int i = 0; i < TAGS.size(); i++) {
        if (!Double.isNaN(values[i])) {
          state.accept(TagValue.good(TAGS.get(i), values[i], t, t));
        }
      }
      monitor.tick(t);
    });

    List<AlarmRaised> raised = events.stream().filter(AlarmRaised.class::isInstance).map(AlarmRaised.class::cast)
        .filter(a -> a.alarmId().equals("health/press")).toList();
    assertFalse(raised.isEmpty(), "the bearing fault raised no alarm");
    AlarmRaised first = raised.get(0);
    assertTrue(first.time().isAfter(faultStart), "raised before the fault, during normal running: " + first);
    assertTrue(first.time().isBefore(faultStart.plus(Duration.ofMinutes(12))), "raised late: " + first);
    assertTrue(meters.get("cellpilot.vision.health.windows").counter().count() > 200, "windows were scored");
  }

  @Test
  void learningOnSiteTheScoreIsUnknownUntilProbationEndsAndARefusedSampleIsCounted() throws Exception {
    VisionModelLoader loader = new VisionModelLoader(null, EngineConfig.defaults(), true, new VisionMetrics(meters));
    VisionHealthModel model = (VisionHealthModel) loader.load("health", MODELS.resolve("press-health.cpm"))
        .as(HealthModel.class);
    assertEquals(List.of("vibration", "current", "bearing-temperature"), model.channels());
    assertTrue(model.learning());

    int samples = 0;
    int unknownWhileLearning = 0;
    double firstScore = Double.NaN;
    for (Map.Entry<Instant, double[]> row : press.entrySet()) {
      boolean learning = model.learning();
      double score = model.observe(row.getKey(), row.getValue());
      samples++;
      if (learning && Double.isNaN(score)) {
        unknownWhileLearning++;
      }
      if (!Double.isNaN(score)) {
        firstScore = score;
        break;
      }
    }
    assertTrue(unknownWhileLearning >= 100 * 20 - 1, "NaN through the package's 100 windows of 20 samples, was "
        + unknownWhileLearning);
    assertTrue(Double.isFinite(firstScore) && !model.learning(), "a score once probation ended, after " + samples);

    assertTrue(Double.isNaN(model.observe(Instant.now(), new double[] {2.0, Double.NaN, 30.0})));
    assertTrue(Double.isNaN(model.observe(Instant.now(), new double[] {2.0, 3.0})), "two values for three channels");
    assertEquals(2.0, meters.get("cellpilot.vision.health.invalid").counter().count());
  }

  /** A clock the test moves to each sample's time. */
  static final class ManualClock extends Clock {
    Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
