package io.cellpilot.sim.config;

import io.cellpilot.sim.machines.MachineId;
import java.time.Duration;
import java.util.List;

/**
 * Machine-health sensors: which machines carry them, how often the scalar values (vibration RMS, motor current,
 * bearing temperature) and the raw vibration windows are published (simulated time), and the raw window's shape.
 */
public record SensorConfig(
    List<MachineId> machines, Duration interval, Duration rawInterval, int rawSamples, double rawSampleRateHz) {

  public SensorConfig {
    machines = List.copyOf(machines);
    Check.between("sensors.interval", interval, Duration.ofMillis(10), Duration.ofHours(1));
    Check.between("sensors.raw-interval", rawInterval, Duration.ofMillis(100), Duration.ofHours(1));
    Check.between("sensors.raw-samples", rawSamples, 16, 65_536);
    Check.between("sensors.raw-sample-rate-hz", rawSampleRateHz, 100, 100_000, "Hz");
  }

  /** Settings for {@link SensorConfig}; defaults: press and conveyor, every second, a 256-sample window every 5 s. */
  public static final class Builder {
    private List<MachineId> machines = List.of(MachineId.PRESS, MachineId.CONVEYOR);
    private Duration interval = Duration.ofSeconds(1);
    private Duration rawInterval = Duration.ofSeconds(5);
    private int rawSamples = 256;
    private double rawSampleRateHz = 2000;

    public Builder machines(List<MachineId> machines) {
      this.machines = machines;
      return this;
    }

    public Builder interval(Duration interval) {
      this.interval = interval;
      return this;
    }

    public Builder rawInterval(Duration rawInterval) {
      this.rawInterval = rawInterval;
      return this;
    }

    public Builder rawSamples(int rawSamples) {
      this.rawSamples = rawSamples;
      return this;
    }

    public Builder rawSampleRateHz(double rawSampleRateHz) {
      this.rawSampleRateHz = rawSampleRateHz;
      return this;
    }

    public SensorConfig build() {
      return new SensorConfig(machines, interval, rawInterval, rawSamples, rawSampleRateHz);
    }
  }
}
