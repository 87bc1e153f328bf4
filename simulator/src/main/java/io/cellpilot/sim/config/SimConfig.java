package io.cellpilot.sim.config;

import io.cellpilot.sim.faults.ScenarioReader;
import io.cellpilot.sim.faults.ScheduledFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything the simulated cell needs to start, validated when built. Build it in Java
 * ({@code SimConfig.builder().seed(7).time(t -> t.scale(10)).build()}) or load it from YAML with
 * {@link SimConfigLoader}; both validate the same way and name the key in every error.
 */
public record SimConfig(
    long seed,
    TimeConfig time,
    PlcConfig plc,
    MqttConfig mqtt,
    LineConfig line,
    CameraConfig camera,
    SensorConfig sensors,
    MeterConfig meters,
    SafetyConfig safety,
    CobotSection cobot,
    List<ScheduledFault> faults) {

  public SimConfig {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(plc, "plc");
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(camera, "camera");
    Objects.requireNonNull(sensors, "sensors");
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(safety, "safety");
    Objects.requireNonNull(cobot, "cobot");
    faults = List.copyOf(faults);
    ScenarioReader reader = new ScenarioReader(sensors.machines());
    faults.forEach(f -> reader.check(f.fault()));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A configuration for tests: every port free, embedded broker, a client id of its own (several cells may share a
   * broker), seed {@code seed}, everything else default.
   */
  public static Builder forTests(long seed) {
    int n = TEST_CELLS.incrementAndGet();
    return builder().seed(seed).plc(p -> p.port(0))
        .mqtt(m -> m.embeddedPort(0).clientId("cellpilot-sim-test-" + n))
        .cobot(c -> c.ports(0, 0, 0));
  }

  private static final java.util.concurrent.atomic.AtomicInteger TEST_CELLS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Settings for {@link SimConfig}; each section is changed through its own builder. */
  public static final class Builder {
    private long seed = 1;
    private final TimeConfig.Builder time = new TimeConfig.Builder();
    private final PlcConfig.Builder plc = new PlcConfig.Builder();
    private final MqttConfig.Builder mqtt = new MqttConfig.Builder();
    private final LineConfig.Builder line = new LineConfig.Builder();
    private final CameraConfig.Builder camera = new CameraConfig.Builder();
    private final SensorConfig.Builder sensors = new SensorConfig.Builder();
    private final MeterConfig.Builder meters = new MeterConfig.Builder();
    private final SafetyConfig.Builder safety = new SafetyConfig.Builder();
    private final CobotSection.Builder cobot = new CobotSection.Builder();
    private final List<ScheduledFault> faults = new ArrayList<>();

    private Builder() {}

    /** The seed every random choice derives from: same seed, same parts, defects, images and sensor values. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder time(Consumer<TimeConfig.Builder> change) {
      change.accept(time);
      return this;
    }

    public Builder plc(Consumer<PlcConfig.Builder> change) {
      change.accept(plc);
      return this;
    }

    public Builder mqtt(Consumer<MqttConfig.Builder> change) {
      change.accept(mqtt);
      return this;
    }

    public Builder line(Consumer<LineConfig.Builder> change) {
      change.accept(line);
      return this;
    }

    public Builder camera(Consumer<CameraConfig.Builder> change) {
      change.accept(camera);
      return this;
    }

    public Builder sensors(Consumer<SensorConfig.Builder> change) {
      change.accept(sensors);
      return this;
    }

    public Builder meters(Consumer<MeterConfig.Builder> change) {
      change.accept(meters);
      return this;
    }

    public Builder safety(Consumer<SafetyConfig.Builder> change) {
      change.accept(safety);
      return this;
    }

    public Builder cobot(Consumer<CobotSection.Builder> change) {
      change.accept(cobot);
      return this;
    }

    /** A fault that starts at the given simulated time after start. */
    public Builder fault(ScheduledFault fault) {
      faults.add(fault);
      return this;
    }

    public Builder faults(List<ScheduledFault> more) {
      faults.addAll(more);
      return this;
    }

    public SimConfig build() {
      return new SimConfig(seed, time.build(), plc.build(), mqtt.build(), line.build(), camera.build(),
          sensors.build(), meters.build(), safety.build(), cobot.build(), faults);
    }
  }
}
