package io.cellpilot.controller.state;

import java.util.List;

/** A decision needed tags that are stale, BAD or missing; the message names each one. */
public final class StaleDataException extends RuntimeException {
  private final List<String> problems;

  public StaleDataException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
