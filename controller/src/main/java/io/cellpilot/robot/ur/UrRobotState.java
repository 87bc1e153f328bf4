package io.cellpilot.robot.ur;

import io.cellpilot.robot.RobotException;
import io.cellpilot.robot.RobotException.Code;
import io.cellpilot.robot.RobotStatus;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The robot as its RTDE reports show it: the last status, the ack/done registers, when data last arrived, and the
 * energy integrated from {@code actual_robot_voltage * actual_robot_current} over the robot's own timestamps.
 */
final class UrRobotState {

  private final String robot;
  private RobotStatus status;
  private int[] registers = {0, 0};
  private long lastDataNanos;
  private double energyJoules;
  private double lastTimestamp = Double.NaN;

  UrRobotState(String robot) {
    this.robot = robot;
  }

  /** Takes one data package; returns its status. */
  synchronized RobotStatus update(Object[] values, long receivedNanos) {
    RobotStatus s = UrStatusDecoder.decode(values, receivedNanos);
    double t = UrStatusDecoder.timestamp(values);
    if (!Double.isNaN(lastTimestamp) && t > lastTimestamp) {
      energyJoules += s.powerWatts() * (t - lastTimestamp);
    }
    lastTimestamp = t;
    status = s;
    registers = UrStatusDecoder.registers(values);
    lastDataNanos = receivedNanos;
    notifyAll();
    return s;
  }

  /** Forgets the last report (after a reconnect nothing old may be trusted); energy keeps counting. */
  synchronized void reset() {
    status = null;
    lastDataNanos = 0;
    lastTimestamp = Double.NaN;
  }

  synchronized RobotStatus status() {
    return status;
  }

  synchronized int[] registers() {
    return registers.clone();
  }

  /** Nanoseconds since the last report, 0 before the first. */
  synchronized long silentNanos(long now) {
    return lastDataNanos == 0 ? 0 : now - lastDataNanos;
  }

  synchronized double energyJoules() {
    return energyJoules;
  }

  /** Waits until a report satisfies {@code condition}. */
  synchronized RobotStatus await(Predicate<RobotStatus> condition, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (status == null || !condition.test(status)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new RobotException(Code.ROBOT_NOT_READY, "[" + robot + "] waited " + timeout.toMillis() + " ms for "
            + what + "; robot mode " + (status == null ? "unknown" : status.robotMode()) + ", safety mode "
            + (status == null ? "unknown" : status.safetyMode()));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RobotException(Code.ROBOT_NOT_READY, "[" + robot + "] interrupted while waiting for " + what);
      }
    }
    return status;
  }
}
