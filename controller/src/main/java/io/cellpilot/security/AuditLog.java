package io.cellpilot.security;

import java.time.Instant;

/** Append-only record of every command that moves things or changes models, whoever sent it and however. */
public interface AuditLog {

  /**
   * @param source where the command came from: {@code http}, {@code mqtt}, {@code sparkplug}, {@code cli}
   * @param result {@code ok}, {@code denied}, {@code rejected: <why>} or {@code failed: <why>}
   */
  void record(Instant time, String user, String source, String action, String result);
}
