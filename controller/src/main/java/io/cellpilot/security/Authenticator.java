package io.cellpilot.security;

import java.util.Optional;

/** Checks a user's secret (a password or an API token) against the configured users. */
public interface Authenticator {

  /** The principal when the name and secret match a configured user, empty otherwise (never a hint which). */
  Optional<Principal> authenticate(String user, String secret);
}
