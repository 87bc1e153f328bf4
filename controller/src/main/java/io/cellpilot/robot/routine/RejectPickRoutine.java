package io.cellpilot.robot.routine;

import io.cellpilot.robot.CommandOutcome;
import io.cellpilot.robot.Pose;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.RobotDriver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a rejected part off the conveyor into the reject bin: the line holds the part, then home, above pick, pick,
 * grip, above pick (the belt may go on), above bin, release, home. Each move goes through the driver and so through
 * the guard; the first step that does not complete ends the cycle with the arm stopped and the line still held.
 */
public final class RejectPickRoutine {

  private static final Logger log = LoggerFactory.getLogger(RejectPickRoutine.class);

  private final RobotDriver robot;
  private final ConveyorHandshake line;
  private final PickPlaceConfig config;

  public RejectPickRoutine(RobotDriver robot, ConveyorHandshake line, PickPlaceConfig config) {
    this.robot = robot;
    this.line = line;
    this.config = config;
  }

  private record Step(String name, RobotCommand command) {}

  /** Runs one pick of {@code partId}, blocking until the arm is home again or a step failed. */
  public PickReport pick(String partId) {
    long asked = System.nanoTime();
    try {
      line.requestHold(partId).join();
      line.awaitHeld(partId, config.holdTimeout()).join();
    } catch (CompletionException e) {
      String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
      log.warn("[{}] part {}: the line did not hold it: {}", robot.id(), partId, why);
      return new PickReport(partId, false, since(asked), Duration.ZERO, 0, "hold", why);
    }
    Duration waited = since(asked);
    long start = System.nanoTime();
    double energyBefore = robot.energyJoules();
    List<Step> before = List.of(
        new Step("home", home()),
        new Step("above pick", linear(config.pick().raised(config.approachHeight()))),
        new Step("pick", linear(config.pick())),
        new Step("grip", new RobotCommand.SetOutput(config.gripperOutput(), true)),
        new Step("above pick again", linear(config.pick().raised(config.approachHeight()))));
    List<Step> after = List.of(
        new Step("above bin", linear(config.bin().raised(config.approachHeight()))),
        new Step("release", new RobotCommand.SetOutput(config.gripperOutput(), false)),
        new Step("home again", home()));
    PickReport failed = run(partId, before, waited, start, energyBefore);
    if (failed != null) {
      return failed;
    }
    // The part is off the belt: let the line go on while the arm carries it to the bin.
    try {
      line.release().join();
    } catch (CompletionException e) {
      String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
      log.warn("[{}] part {}: the line did not take the release: {}; carrying on to the bin", robot.id(), partId,
          why);
    }
    failed = run(partId, after, waited, start, energyBefore);
    if (failed != null) {
      return failed;
    }
    PickReport report = new PickReport(partId, true, waited, since(start), robot.energyJoules() - energyBefore, "",
        "");
    log.info("[{}] part {} in the reject bin: cycle {} ms, {} J", robot.id(), partId,
        report.cycleTime().toMillis(), Math.round(report.energyJoules()));
    return report;
  }

  private PickReport run(String partId, List<Step> steps, Duration waited, long start, double energyBefore) {
    for (Step step : steps) {
      CommandOutcome o = robot.execute(step.command());
      if (!o.completed()) {
        robot.stop();
        log.warn("[{}] part {}: step '{}' {}: {}; the arm is stopped and the line still held", robot.id(), partId,
            step.name(), o.status(), o.detail());
        return new PickReport(partId, false, waited, since(start), robot.energyJoules() - energyBefore, step.name(),
            o.status() + ": " + o.detail());
      }
    }
    return null;
  }

  private RobotCommand home() {
    return new RobotCommand.MoveJoints(config.home(), config.jointSpeed(), config.jointAcceleration());
  }

  private RobotCommand linear(Pose target) {
    return new RobotCommand.MoveLinear(target, config.linearSpeed(), config.linearAcceleration());
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
