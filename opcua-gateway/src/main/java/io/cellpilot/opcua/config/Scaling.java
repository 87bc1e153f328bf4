package io.cellpilot.opcua.config;

/**
 * Linear scaling from the PLC's raw range to engineering units, e.g. raw 0..27648 to 0..100 %. Values outside the
 * raw range are extrapolated, not clamped, so that a sensor fault stays visible.
 */
public record Scaling(double rawLow, double rawHigh, double engLow, double engHigh) {

  /** Raw value to engineering units. */
  public double toEngineering(double raw) {
    return engLow + (raw - rawLow) * (engHigh - engLow) / (rawHigh - rawLow);
  }

  /** Engineering units back to a raw value (for writes). */
  public double toRaw(double engineering) {
    return rawLow + (engineering - engLow) * (rawHigh - rawLow) / (engHigh - engLow);
  }

  void validate(String key) {
    ConfigCheck.finite(key + ".raw-low", rawLow);
    ConfigCheck.finite(key + ".raw-high", rawHigh);
    ConfigCheck.finite(key + ".eng-low", engLow);
    ConfigCheck.finite(key + ".eng-high", engHigh);
    if (rawLow == rawHigh) {
      throw ConfigCheck.invalid(key + ".raw-high", "must differ from raw-low, both were " + rawLow);
    }
    if (engLow == engHigh) {
      throw ConfigCheck.invalid(key + ".eng-high", "must differ from eng-low, both were " + engLow);
    }
  }
}
