package io.cellpilot.sim.cobot;

import java.util.Optional;

/**
 * What the simulated cobot looks like from outside right now: for tests and the cell's dashboards.
 *
 * @param q joint positions, radians
 * @param tcpPose flange pose {x, y, z, rx, ry, rz} in the base frame
 * @param heldPart the part in the gripper, if any
 */
public record CobotState(
    double[] q,
    double[] tcpPose,
    boolean moving,
    UrModes.RobotMode robotMode,
    UrModes.SafetyMode safetyMode,
    UrModes.RuntimeState runtimeState,
    double speedScaling,
    long digitalOutputs,
    Optional<String> heldPart) {}
