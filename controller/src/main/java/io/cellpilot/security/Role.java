package io.cellpilot.security;

/** What a user may do, each role including the ones before it. */
public enum Role {
  /** Reads status, decisions, alarms. */
  VIEWER,
  /** Also stops the robot, pauses and resumes the line, resets alarms, resolves reviews. */
  OPERATOR,
  /** Also loads, rolls back and shadows models. */
  ENGINEER;

  /** True when this role includes {@code required}. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }
}
