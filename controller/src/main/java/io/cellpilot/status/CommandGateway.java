package io.cellpilot.status;

import io.cellpilot.commands.CommandResult;
import io.cellpilot.commands.OperatorCommands;
import io.cellpilot.security.AuditLog;
import io.cellpilot.security.Authenticator;
import io.cellpilot.security.Principal;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an operator command that arrived over MQTT (JSON or Sparkplug NCMD/DCMD) into a call on
 * {@link OperatorCommands}: checks that it is complete, authenticates its {@code user} and {@code token}, and writes
 * an audit line itself for what never reaches the commands (malformed or unauthenticated). The role check and the
 * audit of accepted calls are the commands' own.
 */
public final class CommandGateway {
  private static final Logger log = LoggerFactory.getLogger(CommandGateway.class);

  /** The commands operators may send over MQTT, with their wire names. */
  public enum Action {
    RESET_ALARM("reset-alarm"), PAUSE_LINE("pause-line"), RESUME_LINE("resume-line"), RESOLVE_REVIEW("resolve-review");

    private final String wire;

    Action(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Optional<Action> fromWire(String name) {
      for (Action a : values()) {
        if (a.wire.equals(name)) {
          return Optional.of(a);
        }
      }
      return Optional.empty();
    }
  }

  /** A command as received; {@code target} is the alarm id or part id, {@code label} the review answer. */
  public record Request(Action action, String user, String token, String target, String label) {}

  private final OperatorCommands commands;
  private final Authenticator authenticator;
  private final AuditLog audit;
  private final Clock clock;
  private final AtomicLong refused = new AtomicLong();

  public CommandGateway(OperatorCommands commands, Authenticator authenticator, AuditLog audit, Clock clock) {
    this.commands = commands;
    this.authenticator = authenticator;
    this.audit = audit;
    this.clock = clock;
  }

  /** Runs the command from {@code source} ({@code mqtt} or {@code sparkplug}); never throws. */
  public CommandResult execute(String source, Request r) {
    String user = r.user() == null || r.user().isBlank() ? "(none)" : r.user();
    if (r.user() == null || r.user().isBlank() || r.token() == null || r.token().isEmpty()) {
      return refuse(source, user, r.action().wire(), CommandResult.denied("user and token are required"));
    }
    Optional<Principal> who = authenticator.authenticate(r.user(), r.token());
    if (who.isEmpty()) {
      return refuse(source, user, r.action().wire(), CommandResult.denied("unknown user or wrong token"));
    }
    String missing = missingArgument(r);
    if (missing != null) {
      return refuse(source, user, r.action().wire(), CommandResult.rejected(missing));
    }
    try {
      switch (r.action()) {
        case RESET_ALARM:
          return commands.resetAlarm(who.get(), source, r.target());
        case PAUSE_LINE:
          return commands.pauseLine(who.get(), source);
        case RESUME_LINE:
          return commands.resumeLine(who.get(), source);
        case RESOLVE_REVIEW:
          return commands.resolveReview(who.get(), source, r.target(), r.label());
        default:
          throw new IllegalStateException("unhandled action " + r.action());
      }
    } catch (RuntimeException e) {
      log.warn("[{}] command {} by {} failed", source, r.action().wire(), user, e);
      return CommandResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Audits a command that could not even be read (unknown action, broken payload). */
  public CommandResult malformed(String source, String user, String action, String why) {
    return refuse(source, user == null ? "(none)" : user, action, CommandResult.rejected(why));
  }

  /** Commands refused before reaching {@link OperatorCommands}. */
  public long refused() {
    return refused.get();
  }

  private CommandResult refuse(String source, String user, String action, CommandResult result) {
    refused.incrementAndGet();
    String text = result.status().name().toLowerCase() + (result.message().isEmpty() ? "" : ": " + result.message());
    audit.record(clock.instant(), user, source, action, text);
    log.warn("[{}] command {} from {} refused: {}", source, action, user, text);
    return result;
  }

  private static String missingArgument(Request r) {
    if (r.action() == Action.RESET_ALARM && blank(r.target())) {
      return "reset-alarm needs alarmId";
    }
    if (r.action() == Action.RESOLVE_REVIEW && (blank(r.target()) || blank(r.label()))) {
      return "resolve-review needs partId and label";
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
