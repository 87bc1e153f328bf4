package io.cellpilot.robot.ur;

import io.cellpilot.robot.CommandHandle;
import io.cellpilot.robot.CommandOutcome;
import io.cellpilot.robot.CommandOutcome.Status;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.RobotModes.ProgramState;
import io.cellpilot.robot.RobotModes.SafetyMode;
import io.cellpilot.robot.RobotStatus;
import java.util.concurrent.CompletableFuture;

/**
 * Follows the one command in flight through what the robot reports in RTDE: the program writes the command's id to
 * the ack register when it starts and to the done register when it finishes. The command fails when the program
 * stops without finishing, the robot protective-stops or reports an error, and times out at its deadline.
 */
final class CommandTracker {

  private static final double AT_REST = 1e-3;

  private final int ackIndex;
  private final int doneIndex;
  private InFlight current;

  /** @param ackIndex index of the ack register among the status registers the driver passes; likewise done */
  CommandTracker(int ackIndex, int doneIndex) {
    this.ackIndex = ackIndex;
    this.doneIndex = doneIndex;
  }

  private static final class InFlight {
    final long id;
    final RobotCommand command;
    final CompletableFuture<Long> ack = new CompletableFuture<>();
    final CompletableFuture<CommandOutcome> outcome = new CompletableFuture<>();
    final long submitted;
    final long deadline;
    long sent;
    long acked;
    String robotError;

    InFlight(long id, RobotCommand command, long submitted, long deadline) {
      this.id = id;
      this.command = command;
      this.submitted = submitted;
      this.deadline = deadline;
    }
  }

  synchronized boolean busy() {
    return current != null && !(current.command instanceof RobotCommand.Stop);
  }

  synchronized RobotCommand currentCommand() {
    return current == null ? null : current.command;
  }

  /** Registers a command about to be sent; a command still in flight fails (only Stop may preempt one). */
  synchronized CommandHandle begin(long id, RobotCommand command, long submitted, long deadline) {
    if (current != null) {
      finish(Status.FAILED, "replaced by " + command.getClass().getSimpleName() + " " + id, System.nanoTime());
    }
    current = new InFlight(id, command, submitted, deadline);
    return new CommandHandle(id, current.ack, current.outcome);
  }

  synchronized void sent(long id, long nanos) {
    if (current != null && current.id == id) {
      current.sent = nanos;
    }
  }

  /** One RTDE report: {@code registers[ackIndex]} and {@code registers[doneIndex]} carry command ids. */
  synchronized void onStatus(RobotStatus s, int[] registers, long now) {
    InFlight c = current;
    if (c == null || c.sent == 0) {
      return;
    }
    if (c.command instanceof RobotCommand.Stop) {
      if (!s.moving(AT_REST) && s.programState() == ProgramState.STOPPED) {
        acknowledge(c, now);
        finish(Status.COMPLETED, "arm at rest", now);
      } else if (now > c.deadline) {
        finish(Status.TIMED_OUT, "arm still moving at the stop's deadline", now);
      }
      return;
    }
    if (registers[ackIndex] == (int) c.id) {
      acknowledge(c, now);
    }
    if (registers[doneIndex] == (int) c.id) {
      acknowledge(c, now);
      finish(Status.COMPLETED, "", now);
    } else if (s.safetyMode() == SafetyMode.PROTECTIVE_STOP) {
      finish(Status.FAILED, "robot protective stop" + errorSuffix(c), now);
    } else if (c.acked != 0 && s.programState() == ProgramState.STOPPED) {
      finish(Status.FAILED, "robot program stopped before the command finished" + errorSuffix(c), now);
    } else if (now > c.deadline) {
      finish(Status.TIMED_OUT, "not done by its deadline" + errorSuffix(c), now);
    }
  }

  /** An error text from the robot (RTDE text message): a command the robot never started fails with it. */
  synchronized void onRobotError(String text, long now) {
    InFlight c = current;
    if (c == null || c.sent == 0) {
      return;
    }
    c.robotError = text;
    if (c.acked == 0 && !(c.command instanceof RobotCommand.Stop)) {
      finish(Status.FAILED, "robot refused the program: " + text, now);
    }
  }

  /** Ends the command in flight, if any, e.g. on a link fault or a stop. */
  synchronized void failCurrent(String why, long now) {
    if (current != null && !(current.command instanceof RobotCommand.Stop)) {
      finish(Status.FAILED, why, now);
    }
  }

  /** Ends whatever is in flight, a stop included (the link is gone). */
  synchronized void abandon(String why, long now) {
    if (current != null) {
      finish(Status.FAILED, why, now);
    }
  }

  /** Checks the deadline without a report (when reports have stopped). */
  synchronized boolean overdue(long now) {
    return current != null && current.sent != 0 && now > current.deadline;
  }

  private void acknowledge(InFlight c, long now) {
    if (c.acked == 0) {
      c.acked = now;
      c.ack.complete(c.id);
    }
  }

  private void finish(Status status, String detail, long now) {
    InFlight c = current;
    current = null;
    if (c.acked == 0) {
      c.ack.completeExceptionally(new IllegalStateException(detail));
    }
    c.outcome.complete(new CommandOutcome(c.id, status, detail, c.submitted, c.sent, c.acked, now));
  }

  private static String errorSuffix(InFlight c) {
    return c.robotError == null ? "" : " (" + c.robotError + ")";
  }
}
