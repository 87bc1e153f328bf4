package io.cellpilot.sim.config;

import io.cellpilot.sim.SimException;
import java.math.BigDecimal;
import java.time.Duration;

/** Range checks whose messages name the configuration key, e.g. {@code line.defect-rate must be between 0 and 1, was 1.7}. */
public final class Check {

  private Check() {}

  /** Fails unless {@code min <= value <= max}. */
  public static double between(String key, double value, double min, double max, String unit) {
    if (!(value >= min && value <= max)) {
      throw invalid(key + " must be between " + fmt(min) + " and " + fmt(max) + suffix(unit) + ", was " + fmt(value));
    }
    return value;
  }

  /** Fails unless {@code min <= value <= max}. */
  public static long between(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalid(key + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** Fails unless {@code min <= value <= max}. */
  public static Duration between(String key, Duration value, Duration min, Duration max) {
    if (value == null) {
      throw invalid(key + " must be set");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid(key + " must be between " + Durations.format(min) + " and " + Durations.format(max)
          + ", was " + Durations.format(value));
    }
    return value;
  }

  /** Fails when {@code value} is null or blank. */
  public static String notBlank(String key, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(key + " must not be empty");
    }
    return value;
  }

  /** Fails unless {@code condition} holds, with {@code message} (which names the key). */
  public static void that(boolean condition, String message) {
    if (!condition) {
      throw invalid(message);
    }
  }

  public static SimException invalid(String message) {
    return new SimException(SimException.Code.INVALID_CONFIG, message);
  }

  /** 1.0 prints as 1, 0.25 as 0.25: messages read like the YAML the user wrote. */
  static String fmt(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String suffix(String unit) {
    return unit == null || unit.isEmpty() ? "" : " " + unit;
  }
}
