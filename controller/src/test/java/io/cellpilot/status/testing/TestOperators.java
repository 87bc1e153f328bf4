package io.cellpilot.status.testing;

import io.cellpilot.commands.CommandResult;
import io.cellpilot.commands.OperatorCommands;
import io.cellpilot.security.AuditLog;
import io.cellpilot.security.Authenticator;
import io.cellpilot.security.Principal;
import io.cellpilot.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application boundary for command tests: users {@code ann} (operator, token {@code ann-token}) and {@code vic}
 * (viewer, {@code vic-token}); commands recorded, role checked and audited as the controller's implementation must.
 */
public final class TestOperators implements OperatorCommands, Authenticator, AuditLog {
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public final List<String> audit = new CopyOnWriteArrayList<>();

  private static final Map<String, Principal> USERS = Map.of(
      "ann-token", new Principal("ann", Role.OPERATOR),
      "vic-token", new Principal("vic", Role.VIEWER));

  @Override
  public Optional<Principal> authenticate(String user, String secret) {
    Principal p = USERS.get(secret);
    return p != null && p.name().equals(user) ? Optional.of(p) : Optional.empty();
  }

  @Override
  public void record(Instant time, String user, String source, String action, String result) {
    audit.add(user + " " + source + " " + action + " " + result);
  }

  private CommandResult run(Principal who, String source, String call) {
    if (!who.may(Role.OPERATOR)) {
      record(Instant.now(), who.name(), source, call, "denied");
      return CommandResult.denied(who.name() + " is a " + who.role() + ", not an operator");
    }
    calls.add(call + " by " + who.name() + " via " + source);
    record(Instant.now(), who.name(), source, call, "ok");
    return CommandResult.ok();
  }

  @Override
  public CommandResult resetAlarm(Principal who, String source, String alarmId) {
    return run(who, source, "reset-alarm " + alarmId);
  }

  @Override
  public CommandResult pauseLine(Principal who, String source) {
    return run(who, source, "pause-line");
  }

  @Override
  public CommandResult resumeLine(Principal who, String source) {
    return run(who, source, "resume-line");
  }

  @Override
  public CommandResult resolveReview(Principal who, String source, String partId, String label) {
    return run(who, source, "resolve-review " + partId + "=" + label);
  }
}
