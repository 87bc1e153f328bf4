package io.cellpilot.robot.ur;

import io.cellpilot.robot.CommandHandle;
import io.cellpilot.robot.CommandOutcome;
import io.cellpilot.robot.guard.Verdict;
import java.util.concurrent.CompletableFuture;

/** Handles for commands that end before reaching the robot. */
final class Handles {

  private Handles() {}

  /** The guard said no: nothing was sent. */
  static CommandHandle rejected(long id, Verdict.Reject r, long submitted) {
    return ended(id, CommandOutcome.Status.REJECTED, r.reason() + ": " + r.detail(), submitted);
  }

  /** The driver could not send it. */
  static CommandHandle failed(long id, long submitted, String why) {
    return ended(id, CommandOutcome.Status.FAILED, why, submitted);
  }

  private static CommandHandle ended(long id, CommandOutcome.Status status, String detail, long submitted) {
    return new CommandHandle(id, CompletableFuture.failedFuture(new IllegalStateException(detail)),
        CompletableFuture.completedFuture(new CommandOutcome(id, status, detail, submitted, 0, 0,
            System.nanoTime())));
  }
}
