package io.cellpilot.robot;

/**
 * How a command ended, with its timeline ({@link System#nanoTime()} values, 0 when the step never happened).
 *
 * @param submittedNanos when the caller submitted it
 * @param sentNanos when its last byte was written to the robot's socket
 * @param acknowledgedNanos when the robot reported that it started it
 * @param finishedNanos when it completed, failed or timed out
 */
public record CommandOutcome(
    long commandId,
    Status status,
    String detail,
    long submittedNanos,
    long sentNanos,
    long acknowledgedNanos,
    long finishedNanos) {

  /** The end of a command's lifecycle. */
  public enum Status {
    /** The robot reported the command done. */
    COMPLETED,
    /** The guard or the driver refused it; nothing was sent. */
    REJECTED,
    /** Sent, but the robot stopped it (stop, protective stop, watchdog, error) or the link failed. */
    FAILED,
    /** Sent, but the robot did not report it done in time; the driver stopped the arm. */
    TIMED_OUT
  }

  public boolean completed() {
    return status == Status.COMPLETED;
  }

  /** Submission to bytes on the socket, microseconds; -1 when nothing was sent. */
  public double sendLatencyMicros() {
    return sentNanos == 0 ? -1 : (sentNanos - submittedNanos) / 1000.0;
  }
}
