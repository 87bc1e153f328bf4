package io.cellpilot.controller.security;

import io.cellpilot.commands.CommandResult;
import io.cellpilot.commands.OperatorCommands;
import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.cell.LineControl;
import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.controller.models.LoadedModel;
import io.cellpilot.controller.models.ModelPackageRefused;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.review.ReviewException;
import io.cellpilot.controller.review.ReviewQueue;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.ReviewResolved;
import io.cellpilot.security.AuditLog;
import io.cellpilot.security.Principal;
import io.cellpilot.security.Role;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Every command that moves things or changes models, whichever way it arrives (HTTP, MQTT, Sparkplug): checks the
 * sender's role, carries the command out, and writes one audit line with the result. Callers only authenticate;
 * a null principal means the sender could not be authenticated.
 */
public final class CellCommands implements OperatorCommands {
  private final AuditLog audit;
  private final AlarmBoard alarms;
  private final LineControl line;
  private final ReviewQueue reviews;
  private final RobotControl robot;
  private final ModelRegistry models;
  private final CellEventBus events;
  private final EventIds ids;
  private final Clock clock;

  public CellCommands(AuditLog audit, AlarmBoard alarms, LineControl line, ReviewQueue reviews, RobotControl robot,
      ModelRegistry models, CellEventBus events, EventIds ids, Clock clock) {
    this.audit = audit;
    this.alarms = alarms;
    this.line = line;
    this.reviews = reviews;
    this.robot = robot;
    this.models = models;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public CommandResult resetAlarm(Principal who, String source, String alarmId) {
    return run(who, source, Role.OPERATOR, "reset-alarm " + alarmId, () -> alarms.reset(alarmId, who.name())
        ? CommandResult.ok() : CommandResult.rejected("alarm " + alarmId + " is not active"));
  }

  @Override
  public CommandResult pauseLine(Principal who, String source) {
    return run(who, source, Role.OPERATOR, "pause-line", () -> {
      CommandResult atPlc = line.pause(who.name());
      events.publish(new LineStateChanged(ids.next(), clock.instant(), line.state(), true, "paused by " + who.name()));
      return atPlc.isOk() ? atPlc : CommandResult.failed("the controller's actions are paused, but the line did not "
          + "stop: " + atPlc.message());
    });
  }

  @Override
  public CommandResult resumeLine(Principal who, String source) {
    return run(who, source, Role.OPERATOR, "resume-line", () -> {
      CommandResult atPlc = line.resume();
      events.publish(new LineStateChanged(ids.next(), clock.instant(), line.state(), false,
          "resumed by " + who.name()));
      return atPlc.isOk() ? atPlc : CommandResult.failed("the controller acts again, but the line did not start: "
          + atPlc.message());
    });
  }

  /** Resets a faulted line at the PLC (it stays stopped until resumed). */
  public CommandResult resetLine(Principal who, String source) {
    return run(who, source, Role.OPERATOR, "reset-line", line::reset);
  }

  @Override
  public CommandResult resolveReview(Principal who, String source, String partId, String label) {
    return run(who, source, Role.OPERATOR, "resolve-review " + partId + " as " + label, () -> {
      try {
        reviews.resolve(partId, label, who.name());
      } catch (ReviewException e) {
        return CommandResult.rejected(e.getMessage());
      }
      events.publish(new ReviewResolved(ids.next(), clock.instant(), partId, label, who.name(), source,
          reviews.size()));
      return CommandResult.ok();
    });
  }

  /** Stops the robot through its driver; it stays stopped (refusing motion) until an operator activates it. */
  public CommandResult stopRobot(Principal who, String source, String reason) {
    return run(who, source, Role.OPERATOR, "stop-robot", () -> {
      RobotStatus status = robot.stop("operator " + who.name() + ": " + reason);
      return status.connected() ? CommandResult.ok()
          : CommandResult.failed("robot not reachable: " + status.detail());
    });
  }

  /** Activates the robot again after a stop or a fault (power on, brakes released, motion accepted). */
  public CommandResult activateRobot(Principal who, String source) {
    return run(who, source, Role.OPERATOR, "activate-robot", () -> {
      RobotStatus status = robot.activate(who.name());
      return status.driverState().equals("ACTIVE") ? CommandResult.ok()
          : CommandResult.failed("robot not activated: " + status.detail());
    });
  }

  public CommandResult loadModel(Principal who, String source, String modelId, String packageName) {
    return run(who, source, Role.ENGINEER, "load-model " + modelId + " " + packageName, () -> {
      try {
        LoadedModel m = models.load(modelId, models.resolvePackage(packageName), who.name());
        return new CommandResult(CommandResult.Status.OK, "version " + m.version());
      } catch (ModelPackageRefused e) {
        return CommandResult.rejected(e.getMessage());
      }
    });
  }

  public CommandResult rollbackModel(Principal who, String source, String modelId) {
    return run(who, source, Role.ENGINEER, "rollback-model " + modelId, () -> {
      try {
        LoadedModel m = models.rollback(modelId, who.name());
        return new CommandResult(CommandResult.Status.OK, "version " + m.version());
      } catch (ModelPackageRefused e) {
        return CommandResult.rejected(e.getMessage());
      }
    });
  }

  public CommandResult startShadow(Principal who, String source, String modelId, String packageName) {
    return run(who, source, Role.ENGINEER, "shadow-model " + modelId + " " + packageName, () -> {
      try {
        LoadedModel m = models.startShadow(modelId, models.resolvePackage(packageName), who.name());
        return new CommandResult(CommandResult.Status.OK, "shadow version " + m.version());
      } catch (ModelPackageRefused e) {
        return CommandResult.rejected(e.getMessage());
      }
    });
  }

  public CommandResult stopShadow(Principal who, String source, String modelId) {
    return run(who, source, Role.ENGINEER, "stop-shadow " + modelId, () -> {
      try {
        models.stopShadow(modelId, who.name());
        return CommandResult.ok();
      } catch (ModelPackageRefused e) {
        return CommandResult.rejected(e.getMessage());
      }
    });
  }

  private CommandResult run(Principal who, String source, Role required, String action,
      Supplier<CommandResult> command) {
    CommandResult result;
    if (who == null) {
      result = CommandResult.denied("not authenticated");
    } else if (!who.may(required)) {
      result = CommandResult.denied(who.name() + " is " + who.role() + "; " + action.split(" ")[0] + " needs "
          + required);
    } else {
      try {
        result = command.get();
      } catch (RuntimeException e) {
        result = CommandResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
    audit.record(clock.instant(), who == null ? "(anonymous)" : who.name(), source, action, auditResult(result));
    return result;
  }

  private static String auditResult(CommandResult r) {
    switch (r.status()) {
      case OK: return "ok";
      case DENIED: return "denied";
      case REJECTED: return "rejected: " + r.message();
      default: return "failed: " + r.message();
    }
  }
}
