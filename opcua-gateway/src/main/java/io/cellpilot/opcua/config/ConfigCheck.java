package io.cellpilot.opcua.config;

import io.cellpilot.opcua.OpcUaGatewayException;
import java.time.Duration;

/** Validation helpers whose messages name the full configuration key, as integrators see it in YAML. */
final class ConfigCheck {
  private ConfigCheck() {}

  static OpcUaGatewayException invalid(String key, String what) {
    return new OpcUaGatewayException(OpcUaGatewayException.Code.CONFIG, key + " " + what);
  }

  static String required(String key, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(key, "is required");
    }
    return value.trim();
  }

  static <T> T required(String key, T value) {
    if (value == null) {
      throw invalid(key, "is required");
    }
    return value;
  }

  static Duration between(String key, Duration value, Duration min, Duration max) {
    required(key, value);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid(key, "must be between " + millis(min) + " and " + millis(max) + ", was " + millis(value));
    }
    return value;
  }

  static int between(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(key, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  static double finite(String key, double value) {
    if (!Double.isFinite(value)) {
      throw invalid(key, "must be a finite number, was " + value);
    }
    return value;
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
