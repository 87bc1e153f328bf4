package io.cellpilot.robot.guard;

import io.cellpilot.robot.DriverState;
import io.cellpilot.robot.RobotStatus;

/**
 * Everything besides the command that the guard decides on, captured at one instant.
 *
 * @param status the robot's last report, null when none arrived yet
 * @param commandInFlight a command was sent and has not ended (a new program would replace it)
 * @param nowNanos {@link System#nanoTime()} at the decision, to judge the age of status and cell readings
 */
public record GuardInput(
    DriverState driverState, RobotStatus status, boolean commandInFlight, CellContext cell, long nowNanos) {}
