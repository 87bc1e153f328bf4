package io.cellpilot.sim.config;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time: {@code scale} simulated seconds pass per wall-clock second (1 = real time, 10 = ten times faster);
 * the model advances in fixed {@code step}s so that its results do not depend on wall-clock jitter; {@code start} is
 * the simulated instant at start-up ({@code null}: the wall-clock time when the cell starts).
 */
public record TimeConfig(double scale, Duration step, Instant start) {

  public TimeConfig {
    Check.between("time.scale", scale, 0.1, 1000, null);
    Check.between("time.step", step, Duration.ofMillis(1), Duration.ofSeconds(1));
  }

  /** Settings for {@link TimeConfig}; the defaults run in real time with 20 ms steps. */
  public static final class Builder {
    private double scale = 1.0;
    private Duration step = Duration.ofMillis(20);
    private Instant start;

    public Builder scale(double scale) {
      this.scale = scale;
      return this;
    }

    public Builder step(Duration step) {
      this.step = step;
      return this;
    }

    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    public TimeConfig build() {
      return new TimeConfig(scale, step, start);
    }
  }
}
