package io.cellpilot.controller.config;

import java.util.List;

/** The configuration is wrong; every problem names its key, e.g. {@code cellpilot.robots.r1.max-tcp-speed}. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  /** One line per problem, each naming the key. */
  public List<String> problems() {
    return problems;
  }
}
