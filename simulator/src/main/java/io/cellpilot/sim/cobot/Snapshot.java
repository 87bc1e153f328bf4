package io.cellpilot.sim.cobot;

/**
 * The controller's state at the end of one control cycle, as the RTDE server publishes it. Arrays are owned by the
 * snapshot and never changed after it is built.
 */
record Snapshot(
    double timestamp,
    double[] q,
    double[] qd,
    double[] targetQ,
    double[] tcpPose,
    double[] tcpSpeed,
    UrModes.RobotMode robotMode,
    UrModes.SafetyMode safetyMode,
    UrModes.RuntimeState runtimeState,
    double speedScaling,
    double targetSpeedFraction,
    double[] currents,
    double[] jointVoltages,
    double robotVoltage,
    double robotCurrent,
    long digitalOutputs,
    int[] outInt,
    double[] outDouble,
    int[] inInt,
    double[] inDouble) {

  /** RTDE {@code robot_status_bits}: bit 0 power on, 1 program running, 2 teach button, 3 power button. */
  int robotStatusBits() {
    boolean powered = robotMode.code >= UrModes.RobotMode.POWER_ON.code;
    return (powered ? 1 : 0) | (runtimeState == UrModes.RuntimeState.PLAYING ? 2 : 0);
  }

  /** RTDE {@code safety_status_bits}: bit 0 normal, 1 reduced, 2 protective stop (the bits the simulation sets). */
  int safetyStatusBits() {
    switch (safetyMode) {
      case NORMAL: return 1;
      case REDUCED: return 2;
      case PROTECTIVE_STOP: return 4;
      default: return 0;
    }
  }
}
