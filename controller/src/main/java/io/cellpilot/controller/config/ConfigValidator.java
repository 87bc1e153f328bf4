package io.cellpilot.controller.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks the {@code cellpilot.} keys of a flattened configuration against {@link ConfigSchema}: unknown keys, values
 * of the wrong type or range, missing required keys and the few rules that span keys. Pure: a map in, a list of
 * problems out, each naming its key.
 */
public final class ConfigValidator {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private ConfigValidator() {}

  /** Validates and returns the parsed tree, or throws {@link ConfigException} listing every problem. */
  public static ConfigTree validate(Map<String, Object> flat) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> parsed = new TreeMap<>();
    for (Map.Entry<String, Object> e : new TreeMap<>(flat).entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("cellpilot.")) {
        continue;
      }
      Optional<ConfigKey> spec = ConfigSchema.find(key);
      if (spec.isEmpty()) {
        problems.add(unknown(key));
        continue;
      }
      String badId = badId(spec.get().pattern(), key);
      if (badId != null) {
        problems.add(key + ": the id '" + badId + "' may only hold letters, digits, '-' and '_'");
        continue;
      }
      if (e.getValue() == null) {
        problems.add(key + " has no value");
        continue;
      }
      try {
        parsed.put(key, spec.get().check(e.getValue()));
      } catch (IllegalArgumentException | ClassCastException ex) {
        problems.add(key + " must be " + ex.getMessage());
      }
    }
    problems.addAll(missingRequired(flat.keySet()));
    ConfigTree tree = new ConfigTree(parsed);
    if (problems.isEmpty()) {
      problems.addAll(CrossChecks.check(tree));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return tree;
  }

  private static String unknown(String key) {
    String[] parts = key.split("\\.");
    String hint = "";
    String last = parts[parts.length - 1];
    if (!last.equals(last.toLowerCase(java.util.Locale.ROOT))) {
      hint = " (keys are kebab-case, e.g. max-age)";
    } else {
      hint = closest(parts).map(s -> " (did you mean " + s + "?)").orElse("");
    }
    return key + " is not a CellPilot setting" + hint;
  }

  /** The known key that differs least in its last part from the unknown one, among keys with the same parent. */
  private static Optional<String> closest(String[] parts) {
    String last = parts[parts.length - 1];
    return ConfigSchema.keys().stream()
        .map(k -> k.pattern().split("\\."))
        .filter(p -> p.length == parts.length)
        .filter(p -> ConfigKey.matches(
            java.util.Arrays.copyOf(p, p.length - 1), java.util.Arrays.copyOf(parts, parts.length - 1)))
        .map(p -> p[p.length - 1])
        .filter(candidate -> distance(candidate, last) <= Math.max(2, last.length() / 3))
        .min(Comparator.comparingInt(candidate -> distance(candidate, last)))
        .map(candidate -> {
          String[] copy = parts.clone();
          copy[copy.length - 1] = candidate;
          return String.join(".", copy);
        });
  }

  private static String badId(String pattern, String key) {
    String[] p = pattern.split("\\.");
    String[] k = key.split("\\.");
    for (int i = 0; i < p.length; i++) {
      if (p[i].equals("*") && !ID.matcher(k[i]).matches()) {
        return k[i];
      }
    }
    return null;
  }

  /** For each device (or mapping) that appears, its required keys must appear too. */
  private static List<String> missingRequired(Set<String> present) {
    List<String> problems = new ArrayList<>();
    for (ConfigKey spec : ConfigSchema.keys()) {
      if (!spec.required()) {
        continue;
      }
      String[] p = spec.pattern().split("\\.");
      String[] parent = java.util.Arrays.copyOf(p, p.length - 1);
      Set<String> instances = new LinkedHashSet<>();
      for (String key : present) {
        String[] k = key.split("\\.");
        if (k.length > parent.length
            && ConfigKey.matches(parent, java.util.Arrays.copyOf(k, parent.length))) {
          instances.add(String.join(".", java.util.Arrays.copyOf(k, parent.length)));
        }
      }
      for (String instance : instances) {
        String needed = instance + "." + p[p.length - 1];
        if (!present.contains(needed)) {
          problems.add(needed + " is required: " + spec.doc());
        }
      }
    }
    return problems;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Flattens nested maps (as YAML gives them) into dotted keys; lists stay values. */
  public static Map<String, Object> flatten(Map<?, ?> nested) {
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten("", nested, flat);
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
        flatten(key + ".", child, out);
      } else {
        out.put(key, e.getValue());
      }
    }
  }
}
