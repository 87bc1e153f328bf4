package io.cellpilot.opcua.config;

/**
 * A data change filter deadband (OPC 10000-4 §7.22.2). {@code PERCENT} is of the node's EURange and only works on
 * AnalogItem nodes (OPC 10000-8 §6.2); servers answer {@code Bad_MonitoredItemFilterUnsupported} otherwise.
 */
public record Deadband(Type type, double value) {
  public static final Deadband NONE = new Deadband(Type.NONE, 0);

  /** Deadband kinds. */
  public enum Type { NONE, ABSOLUTE, PERCENT }

  public static Deadband absolute(double value) {
    return new Deadband(Type.ABSOLUTE, value);
  }

  public static Deadband percent(double value) {
    return new Deadband(Type.PERCENT, value);
  }

  void validate(String key) {
    ConfigCheck.finite(key + ".value", value);
    if (type == Type.ABSOLUTE && value < 0) {
      throw ConfigCheck.invalid(key + ".value", "must be >= 0 for an absolute deadband, was " + value);
    }
    if (type == Type.PERCENT && (value < 0 || value > 100)) {
      throw ConfigCheck.invalid(key + ".value", "must be between 0 and 100 for a percent deadband, was " + value);
    }
  }
}
