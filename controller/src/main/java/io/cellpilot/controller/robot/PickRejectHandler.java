package io.cellpilot.controller.robot;

import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.controller.inspection.RejectHandler;
import io.cellpilot.controller.inspection.RejectOutcome;
import io.cellpilot.controller.plc.OpcUaConveyorHandshake;
import io.cellpilot.events.PartRejected;
import io.cellpilot.robot.routine.PickReport;
import io.cellpilot.robot.routine.RejectPickRoutine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reject picks by the robot: asks the line to hold the part at once (it must not pass the pick position while the
 * robot finishes an earlier pick), then runs {@link RejectPickRoutine} on the robot's pick thread, one part after the
 * other. A part the line cannot hold is skipped (the robot never moved for it); a pick that fails stops the arm and
 * leaves the line held for an operator, as the routine does.
 */
final class PickRejectHandler implements RejectHandler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PickRejectHandler.class);

  private final RobotUnit robot;
  private final OpcUaConveyorHandshake line;
  private final RejectPickRoutine routine;
  private final ExecutorService picks;
  private final AtomicLong sequence = new AtomicLong();

  PickRejectHandler(RobotUnit robot, OpcUaConveyorHandshake line, RejectPickRoutine routine) {
    this.robot = robot;
    this.line = line;
    this.routine = routine;
    this.picks = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "cellpilot-pick-" + robot.id());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public CompletableFuture<RejectOutcome> reject(String partId) {
    RobotStatus status = robot.status();
    if (!status.ready()) {
      return CompletableFuture.completedFuture(RejectOutcome.skipped(robot.id(), "robot not ready: "
          + status.detail()));
    }
    String pickId = "pick-" + sequence.incrementAndGet();
    CompletableFuture<RejectOutcome> result = new CompletableFuture<>();
    line.requestHold(partId).whenComplete((ok, e) -> {
      if (e != null) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        log.warn("[{}] part {} not picked: {}", robot.id(), partId, cause.getMessage());
        result.complete(RejectOutcome.skipped(robot.id(), String.valueOf(cause.getMessage())));
        return;
      }
      try {
        picks.execute(() -> {
          try {
            result.complete(outcome(pickId, routine.pick(partId)));
          } catch (RuntimeException ex) {
            log.error("[{}] pick of part {} failed", robot.id(), partId, ex);
            robot.driver().stop();
            result.complete(new RejectOutcome(PartRejected.Outcome.FAILED, robot.id(), pickId, Double.NaN,
                Double.NaN, "pick failed: " + ex));
          }
        });
      } catch (RejectedExecutionException ex) {
        result.complete(RejectOutcome.skipped(robot.id(), "the controller is shutting down"));
      }
    });
    return result;
  }

  private RejectOutcome outcome(String pickId, PickReport report) {
    double cycle = report.cycleTime().toNanos() / 1e9;
    double wh = report.energyJoules() / 3600.0;
    if (report.succeeded()) {
      return new RejectOutcome(PartRejected.Outcome.PICKED, robot.id(), pickId, cycle, wh, "");
    }
    if (report.failedStep().equals("hold")) {
      return new RejectOutcome(PartRejected.Outcome.SKIPPED, robot.id(), pickId, Double.NaN, Double.NaN,
          "the line did not hold the part: " + report.detail());
    }
    return new RejectOutcome(PartRejected.Outcome.FAILED, robot.id(), pickId, cycle, wh,
        "step '" + report.failedStep() + "' failed: " + report.detail());
  }

  @Override
  public void close() {
    line.close();
    picks.shutdownNow();
    try {
      picks.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
