package io.cellpilot.sim.config;

/**
 * The zone sensor (light curtain / scanner) near the robot: it reports {@code ZoneOccupied} while a person is closer
 * than {@code zoneRadius}. A simulated sensor: it keeps nobody safe, it only gives the controller something to read.
 */
public record SafetyConfig(double zoneRadius) {

  public SafetyConfig {
    Check.between("safety.zone-radius", zoneRadius, 0.1, 10, "m");
  }

  /** Settings for {@link SafetyConfig}; default zone radius 1.5 m. */
  public static final class Builder {
    private double zoneRadius = 1.5;

    public Builder zoneRadius(double zoneRadius) {
      this.zoneRadius = zoneRadius;
      return this;
    }

    public SafetyConfig build() {
      return new SafetyConfig(zoneRadius);
    }
  }
}
