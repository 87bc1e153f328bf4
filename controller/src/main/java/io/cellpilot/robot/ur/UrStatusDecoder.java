package io.cellpilot.robot.ur;

import io.cellpilot.robot.Pose;
import io.cellpilot.robot.RobotModes.ProgramState;
import io.cellpilot.robot.RobotModes.RobotMode;
import io.cellpilot.robot.RobotModes.SafetyMode;
import io.cellpilot.robot.RobotStatus;
import java.util.List;

/** The driver's RTDE output recipe and how one data package becomes a {@link RobotStatus}. */
final class UrStatusDecoder {

  static final List<String> BASE_OUTPUTS = List.of("timestamp", "actual_q", "actual_qd", "actual_TCP_pose",
      "robot_mode", "safety_mode", "runtime_state", "speed_scaling", "actual_current", "actual_joint_voltage",
      "actual_robot_voltage", "actual_robot_current", "actual_digital_output_bits");

  private UrStatusDecoder() {}

  /** The output recipe: the base variables, then the ack and done registers. */
  static List<String> outputs(int ackRegister, int doneRegister) {
    List<String> names = new java.util.ArrayList<>(BASE_OUTPUTS);
    names.add("output_int_register_" + ackRegister);
    names.add("output_int_register_" + doneRegister);
    return names;
  }

  static RobotStatus decode(Object[] v, long receivedNanos) {
    double watts = (Double) v[10] * (Double) v[11];
    return new RobotStatus((double[]) v[1], (double[]) v[2], Pose.of((double[]) v[3]), robotMode((Integer) v[4]),
        safetyMode((Integer) v[5]), programState((Long) v[6]), (Double) v[7], watts, receivedNanos);
  }

  static double timestamp(Object[] v) {
    return (Double) v[0];
  }

  /** The ack and done registers, in that order. */
  static int[] registers(Object[] v) {
    int n = BASE_OUTPUTS.size();
    return new int[] {(Integer) v[n], (Integer) v[n + 1]};
  }

  /** RTDE robot_mode codes, from UR's RTDE guide (-1 NO_CONTROLLER ... 7 RUNNING, 8 UPDATING_FIRMWARE). */
  static RobotMode robotMode(int code) {
    switch (code) {
      case 0: return RobotMode.DISCONNECTED;
      case 1: return RobotMode.CONFIRM_SAFETY;
      case 2: return RobotMode.BOOTING;
      case 3: return RobotMode.POWER_OFF;
      case 4: return RobotMode.POWER_ON;
      case 5: return RobotMode.IDLE;
      case 6: return RobotMode.BACKDRIVE;
      case 7: return RobotMode.RUNNING;
      default: return RobotMode.UNKNOWN;
    }
  }

  /** RTDE safety_mode codes: 1 NORMAL, 2 REDUCED, 3 PROTECTIVE_STOP, ... 9 FAULT. */
  static SafetyMode safetyMode(int code) {
    switch (code) {
      case 1: return SafetyMode.NORMAL;
      case 2: return SafetyMode.REDUCED;
      case 3: return SafetyMode.PROTECTIVE_STOP;
      case 4: return SafetyMode.RECOVERY;
      case 5: return SafetyMode.SAFEGUARD_STOP;
      case 6: return SafetyMode.SYSTEM_EMERGENCY_STOP;
      case 7: return SafetyMode.ROBOT_EMERGENCY_STOP;
      case 8: return SafetyMode.VIOLATION;
      case 9: return SafetyMode.FAULT;
      default: return SafetyMode.UNKNOWN;
    }
  }

  /** RTDE runtime_state codes: 0 STOPPING, 1 STOPPED, 2 PLAYING, 3 PAUSING, 4 PAUSED, 5 RESUMING. */
  static ProgramState programState(long code) {
    switch ((int) code) {
      case 0: return ProgramState.STOPPING;
      case 1: return ProgramState.STOPPED;
      case 2: return ProgramState.PLAYING;
      case 3: return ProgramState.PAUSING;
      case 4: return ProgramState.PAUSED;
      case 5: return ProgramState.RESUMING;
      default: return ProgramState.UNKNOWN;
    }
  }
}
