package io.cellpilot.controller.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each tag's max age: exact tag names (PLC tags) and tag templates with {@code {n}} placeholders (MQTT mappings with
 * wildcards), first match wins, then a default.
 */
public final class TagMaxAges implements Function<String, Duration> {
  private record Rule(Pattern pattern, Duration maxAge) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
  private final Duration fallback;
  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, Duration> cache = new ConcurrentHashMap<>();

  public TagMaxAges(Duration fallback) {
    this.fallback = fallback;
  }

  /** @param template a tag name, or a template such as {@code {1}.vibration} */
  public TagMaxAges add(String template, Duration maxAge) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append(".+");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    rules.add(new Rule(Pattern.compile(regex.toString()), maxAge));
    cache.clear();
    return this;
  }

  @Override
  public Duration apply(String tag) {
    return cache.computeIfAbsent(tag, t -> {
      for (Rule r : rules) {
        if (r.pattern().matcher(t).matches()) {
          return r.maxAge();
        }
      }
      return fallback;
    });
  }
}
