package io.cellpilot.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One mapping of a YAML document, read key by key with the full key path at hand, so that every type error and every
 * unknown key is reported as {@code line.defect-rate must be a number, was "high"}. Call {@link #finish()} after
 * reading: any key nobody asked for is an error (a typo must not silently fall back to a default).
 */
public final class ConfigNode {

  private final String path;
  private final JsonNode node;
  private final Set<String> read = new LinkedHashSet<>();

  private ConfigNode(String path, JsonNode node) {
    this.path = path;
    this.node = node;
  }

  /** The document root; {@code what} names the document in errors when it is not a mapping. */
  public static ConfigNode root(JsonNode node, String what) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return new ConfigNode("", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
    if (!node.isObject()) {
      throw Check.invalid(what + " must be a mapping of keys to values, was " + describe(node));
    }
    return new ConfigNode("", node);
  }

  /** The full path of {@code key} below this node, e.g. {@code plc.security.users}. */
  public String key(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public String path() {
    return path;
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  public Optional<ConfigNode> child(String key) {
    return value(key).map(v -> {
      if (!v.isObject()) {
        throw Check.invalid(key(key) + " must be a mapping of keys to values, was " + describe(v));
      }
      return new ConfigNode(key(key), v);
    });
  }

  /** Reads the child mapping {@code key} with {@code reader} (when present) and checks it for unknown keys. */
  public void ifChild(String key, Consumer<ConfigNode> reader) {
    child(key).ifPresent(c -> {
      reader.accept(c);
      c.finish();
    });
  }

  public Optional<Double> number(String key) {
    return value(key).map(v -> {
      if (!v.isNumber()) {
        throw Check.invalid(key(key) + " must be a number, was " + describe(v));
      }
      return v.doubleValue();
    });
  }

  public Optional<Long> integer(String key) {
    return value(key).map(v -> {
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw Check.invalid(key(key) + " must be a whole number, was " + describe(v));
      }
      return v.longValue();
    });
  }

  public Optional<Integer> intValue(String key) {
    return integer(key).map(v -> {
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw Check.invalid(key(key) + " is out of range, was " + v);
      }
      return v.intValue();
    });
  }

  public Optional<Boolean> bool(String key) {
    return value(key).map(v -> {
      if (!v.isBoolean()) {
        throw Check.invalid(key(key) + " must be true or false, was " + describe(v));
      }
      return v.booleanValue();
    });
  }

  public Optional<String> string(String key) {
    return value(key).map(v -> {
      if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
        throw Check.invalid(key(key) + " must be a text, was " + describe(v));
      }
      return v.asText();
    });
  }

  public Optional<Duration> duration(String key) {
    return value(key).map(v -> {
      Optional<Duration> d = v.isTextual() ? Durations.parse(v.asText()) : Optional.empty();
      return d.orElseThrow(() -> Check.invalid(
          key(key) + " must be a duration like 250ms, 30s, 5m or 1h, was " + describe(v)));
    });
  }

  public Optional<Instant> instant(String key) {
    return value(key).map(v -> {
      try {
        return Instant.parse(v.asText());
      } catch (DateTimeParseException e) {
        throw Check.invalid(key(key) + " must be an ISO-8601 instant like 2026-01-01T06:00:00Z, was " + describe(v));
      }
    });
  }

  public Optional<List<String>> strings(String key) {
    return value(key).map(v -> {
      if (!v.isArray()) {
        throw Check.invalid(key(key) + " must be a list, was " + describe(v));
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        if (!e.isTextual()) {
          throw Check.invalid(key(key) + "[" + i + "] must be a text, was " + describe(e));
        }
        out.add(e.asText());
      }
      return out;
    });
  }

  /** A list of mappings, each a node whose path is {@code key[i]}. */
  public Optional<List<ConfigNode>> mappings(String key) {
    return value(key).map(v -> {
      if (!v.isArray()) {
        throw Check.invalid(key(key) + " must be a list, was " + describe(v));
      }
      List<ConfigNode> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        String p = key(key) + "[" + i + "]";
        if (!e.isObject()) {
          throw Check.invalid(p + " must be a mapping of keys to values, was " + describe(e));
        }
        out.add(new ConfigNode(p, e));
      }
      return out;
    });
  }

  /** A mapping of names to texts, e.g. user names to passwords. */
  public Optional<Map<String, String>> textMap(String key) {
    return child(key).map(c -> {
      Map<String, String> out = new LinkedHashMap<>();
      for (Iterator<String> it = c.node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        out.put(name, c.string(name).orElse(""));
      }
      return out;
    });
  }

  /** Fails naming the first key that was never read: a typo must not silently keep a default. */
  public void finish() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!read.contains(name)) {
        throw Check.invalid("unknown key " + key(name) + (read.isEmpty() ? "" : " (known here: " + String.join(", ", read) + ")"));
      }
    }
  }

  /** Marks {@code keys} as known even where this reader did not need them, so finish() lists them. */
  public ConfigNode known(String... keys) {
    read.addAll(List.of(keys));
    return this;
  }

  private Optional<JsonNode> value(String key) {
    read.add(key);
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  static String describe(JsonNode v) {
    if (v.isTextual()) {
      return "\"" + v.asText() + "\"";
    }
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return "a list";
    }
    return v.toString();
  }
}
