package io.cellpilot.controller.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates every {@code cellpilot.} key the application context sees (files, test properties) when the context
 * starts, so a wrong key stops start-up instead of being ignored. Environment variables and system properties are
 * not scanned: the shell's own {@code CELLPILOT_*} variables are not configuration keys.
 */
@Factory
public class ConfigFactory {
  private static final Set<String> NOT_SCANNED = Set.of("env", "system");

  @Context
  public ConfigTree configTree(Environment environment) {
    Map<String, Object> flat = new LinkedHashMap<>();
    List<PropertySource> sources = environment.getPropertySources().stream()
        .sorted(java.util.Comparator.comparingInt(PropertySource::getOrder))
        .toList();
    for (PropertySource source : sources) {
      if (NOT_SCANNED.contains(source.getName())) {
        continue;
      }
      for (String key : source) {
        Object value = source.get(key);
        Map<String, Object> one = value instanceof Map<?, ?> m
            ? ConfigValidator.flatten(Map.of(key, m))
            : singleton(key, value);
        one.forEach((k, v) -> {
          if (k.startsWith("cellpilot.")) {
            // Later (higher order) sources win, as Micronaut resolves them.
            flat.put(k, resolve(environment, v));
          }
        });
      }
    }
    return ConfigValidator.validate(flat);
  }

  private static Map<String, Object> singleton(String key, Object value) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(key, value);
    return one;
  }

  private static Object resolve(Environment environment, Object value) {
    if (value instanceof CharSequence s && s.toString().contains("${")) {
      return environment.getPlaceholderResolver().resolveRequiredPlaceholders(s.toString());
    }
    return value;
  }
}
