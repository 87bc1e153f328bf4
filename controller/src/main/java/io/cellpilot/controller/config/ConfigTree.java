package io.cellpilot.controller.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated {@code cellpilot.} configuration: parsed values by key, with the schema's defaults for absent keys.
 * Immutable; every bean reads its settings here, so a default lives in one place ({@link ConfigSchema}).
 */
public final class ConfigTree {
  private final Map<String, Object> values;

  ConfigTree(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** The tree of a map that is already flat, validating it. */
  public static ConfigTree of(Map<String, Object> flat) {
    return ConfigValidator.validate(flat);
  }

  /** The value, or the schema's default, or empty. */
  public Optional<Object> value(String key) {
    Object v = values.get(key);
    if (v != null) {
      return Optional.of(v);
    }
    return ConfigSchema.find(key)
        .filter(k -> k.defaultValue() != null)
        .map(k -> k.type().parse(k.defaultValue()));
  }

  private Object require(String key) {
    return value(key).orElseThrow(() -> new ConfigException(key + " is required"));
  }

  public Optional<String> optionalString(String key) {
    return value(key).map(String::valueOf).filter(s -> !s.isEmpty());
  }

  public String string(String key) {
    return String.valueOf(require(key));
  }

  public int integer(String key) {
    return ((Number) require(key)).intValue();
  }

  public double decimal(String key) {
    return ((Number) require(key)).doubleValue();
  }

  public Optional<Double> optionalDecimal(String key) {
    return value(key).map(v -> ((Number) v).doubleValue());
  }

  public boolean bool(String key) {
    return (Boolean) require(key);
  }

  public Duration duration(String key) {
    return (Duration) require(key);
  }

  public Optional<Duration> optionalDuration(String key) {
    return value(key).map(Duration.class::cast);
  }

  public Path path(String key) {
    return Path.of(string(key));
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String key) {
    return value(key).map(v -> (List<String>) v).orElse(List.of()).stream().filter(s -> !s.isBlank()).toList();
  }

  /** A list of numbers, e.g. a pose; empty when absent. */
  @SuppressWarnings("unchecked")
  public double[] decimals(String key) {
    return value(key).map(v -> (List<Double>) v).orElse(List.of()).stream().mapToDouble(Double::doubleValue)
        .toArray();
  }

  /** A list of whole numbers; empty when absent. */
  @SuppressWarnings("unchecked")
  public List<Integer> integers(String key) {
    return value(key).map(v -> (List<Long>) v).orElse(List.of()).stream().map(Long::intValue).toList();
  }

  /** A size in bytes. */
  public long bytes(String key) {
    return ((Number) require(key)).longValue();
  }

  /** True when the key is set explicitly (not only by its default). */
  public boolean isSet(String key) {
    return values.containsKey(key);
  }

  /** The ids under a map key, e.g. {@code ids("cellpilot.plcs")} gives {@code [plc1]}. */
  public Set<String> ids(String prefix) {
    Set<String> ids = new TreeSet<>();
    String p = prefix + ".";
    for (String key : values.keySet()) {
      if (key.startsWith(p)) {
        ids.add(key.substring(p.length()).split("\\.")[0]);
      }
    }
    return ids;
  }

  /** Every explicitly set key and its parsed value. */
  public Map<String, Object> explicitValues() {
    return values;
  }
}
