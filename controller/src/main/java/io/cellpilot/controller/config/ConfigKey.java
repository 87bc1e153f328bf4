package io.cellpilot.controller.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One key the configuration may hold. {@code pattern} is dotted, with {@code *} standing for an id the integrator
 * chooses (a PLC, a camera, a mapping). Checks beyond the type are optional: a numeric range, a set of allowed words.
 *
 * @param defaultValue the value used when the key is absent, as the YAML text; null when there is none
 * @param unit appended to range messages, e.g. {@code m/s}; empty when none
 */
public record ConfigKey(
    String pattern,
    ValueType type,
    String defaultValue,
    boolean required,
    double min,
    double max,
    String unit,
    Set<String> allowed,
    String doc) {

  public static ConfigKey of(String pattern, ValueType type, String defaultValue, String doc) {
    return new ConfigKey(pattern, type, defaultValue, false, Double.NaN, Double.NaN, "", Set.of(), doc);
  }

  public static ConfigKey required(String pattern, ValueType type, String doc) {
    return new ConfigKey(pattern, type, null, true, Double.NaN, Double.NaN, "", Set.of(), doc);
  }

  /** The same key limited to {@code [min, max]} (for durations: seconds). */
  public ConfigKey range(double min, double max, String unit) {
    return new ConfigKey(pattern, type, defaultValue, required, min, max, unit, allowed, doc);
  }

  /** The same key limited to these words (compared without case). */
  public ConfigKey oneOf(String... words) {
    return new ConfigKey(pattern, type, defaultValue, required, min, max, unit, Set.of(words), doc);
  }

  /** True when a concrete key such as {@code cellpilot.plcs.plc1.endpoint-url} is an instance of this pattern. */
  public boolean matches(String key) {
    return matches(pattern.split("\\."), key.split("\\."));
  }

  static boolean matches(String[] pattern, String[] key) {
    if (pattern.length != key.length) {
      return false;
    }
    for (int i = 0; i < pattern.length; i++) {
      if (!pattern[i].equals("*") && !pattern[i].equals(key[i])) {
        return false;
      }
    }
    return true;
  }

  /** Parses and checks a value; the message of the exception completes "{@code <key> must be ...}". */
  public Object check(Object raw) {
    Object value = type.parse(raw);
    if (!allowed.isEmpty()) {
      String word = String.valueOf(value);
      boolean ok = allowed.stream().anyMatch(a -> a.equalsIgnoreCase(word));
      if (!ok) {
        throw new IllegalArgumentException("one of " + List.copyOf(new java.util.TreeSet<>(allowed)) + ", was " + raw);
      }
    }
    if (!Double.isNaN(min)) {
      double n = value instanceof Duration d ? d.toMillis() / 1000.0 : ((Number) value).doubleValue();
      if (n < min || n > max) {
        String u = unit.isEmpty() ? "" : " " + unit;
        throw new IllegalArgumentException(
            "between " + fmt(min) + " and " + fmt(max) + u + ", was " + raw);
      }
    }
    return value;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e12 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
  }
}
