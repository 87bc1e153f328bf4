package io.cellpilot.controller.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the integrator's one YAML file. Top-level sections other than {@code cellpilot} are refused, except
 * {@code micronaut} and {@code endpoints}, which pass through to the framework for HTTP TLS and similar expert
 * settings. {@code ${NAME}} and {@code ${NAME:default}} in values are replaced from the environment, so secrets can
 * stay out of the file.
 */
public final class ConfigFile {
  private static final Set<String> PASS_THROUGH = Set.of("micronaut", "endpoints");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");

  private ConfigFile() {}

  /** The file's keys, flattened and with placeholders resolved from the process environment. */
  public static Map<String, Object> read(Path file) {
    return read(file, System::getenv);
  }

  static Map<String, Object> read(Path file, UnaryOperator<String> environment) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("configuration file " + file + " does not exist or is not a file");
    }
    Object root;
    try (InputStream in = Files.newInputStream(file)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (YAMLException e) {
      throw new ConfigException(file + " is not valid YAML: " + e.getMessage().replace('\n', ' '));
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
    if (root == null) {
      return Map.of();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(file + " must hold a 'cellpilot:' section at its top level");
    }
    List<String> problems = new ArrayList<>();
    for (Object top : map.keySet()) {
      if (!"cellpilot".equals(top) && !PASS_THROUGH.contains(String.valueOf(top))) {
        problems.add(top + " is not a CellPilot setting: every key lives under cellpilot.");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Map<String, Object> flat = new LinkedHashMap<>();
    ConfigValidator.flatten(map).forEach((k, v) -> flat.put(k, resolve(k, v, environment, problems)));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return flat;
  }

  private static Object resolve(String key, Object value, UnaryOperator<String> env, List<String> problems) {
    if (value instanceof List<?> list) {
      return list.stream().map(v -> resolve(key, v, env, problems)).toList();
    }
    if (!(value instanceof String s) || !s.contains("${")) {
      return value;
    }
    Matcher m = PLACEHOLDER.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String found = env.apply(m.group(1));
      if (found == null && m.group(2) == null) {
        problems.add(key + " refers to the environment variable " + m.group(1) + ", which is not set");
        found = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(found != null ? found : m.group(2)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
