package io.cellpilot.security;

/** An authenticated user and the role granted to it. */
public record Principal(String name, Role role) {
  public boolean may(Role required) {
    return role.includes(required);
  }
}
