package io.cellpilot.sim.config;

import java.time.Duration;

/**
 * Power meters: how often they publish on MQTT (simulated time), the cell's base load that only the main meter sees
 * (lighting, compressor, controls), and the nominal line-to-line voltage.
 */
public record MeterConfig(Duration interval, double baseLoadKw, double voltage) {

  public MeterConfig {
    Check.between("meters.interval", interval, Duration.ofMillis(10), Duration.ofHours(1));
    Check.between("meters.base-load-kw", baseLoadKw, 0, 1000, "kW");
    Check.between("meters.voltage", voltage, 100, 1000, "V");
  }

  /** Settings for {@link MeterConfig}; defaults: every second, 1.5 kW base load, 400 V. */
  public static final class Builder {
    private Duration interval = Duration.ofSeconds(1);
    private double baseLoadKw = 1.5;
    private double voltage = 400;

    public Builder interval(Duration interval) {
      this.interval = interval;
      return this;
    }

    public Builder baseLoadKw(double baseLoadKw) {
      this.baseLoadKw = baseLoadKw;
      return this;
    }

    public Builder voltage(double voltage) {
      this.voltage = voltage;
      return this;
    }

    public MeterConfig build() {
      return new MeterConfig(interval, baseLoadKw, voltage);
    }
  }
}
