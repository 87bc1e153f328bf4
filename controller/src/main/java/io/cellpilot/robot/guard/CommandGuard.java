package io.cellpilot.robot.guard;

import io.cellpilot.robot.DriverState;
import io.cellpilot.robot.Pose;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.RobotModes.ProgramState;
import io.cellpilot.robot.RobotModes.RobotMode;
import io.cellpilot.robot.RobotModes.SafetyMode;
import io.cellpilot.robot.RobotStatus;
import io.cellpilot.robot.kinematics.Kinematics;
import java.util.Map;

/**
 * The command guard: a pure function of (command, robot and driver state, limits, cell context) to accept, possibly
 * at reduced speed, or reject with a reason. It is an additional check in front of the robot, not a safety function:
 * the robot's own safety controller and the cell's safety devices protect people; CellPilot only rejects, slows down
 * and stops.
 */
public final class CommandGuard {

  /** Samples along a joint move's path for the workspace, zone and tool-speed checks. */
  private static final int PATH_SAMPLES = 32;

  private final GuardLimits limits;
  private final Kinematics kinematics;

  public CommandGuard(GuardLimits limits, Kinematics kinematics) {
    this.limits = limits;
    this.kinematics = kinematics;
  }

  public GuardLimits limits() {
    return limits;
  }

  /** Decides on one command. Stop is always accepted. */
  public Verdict check(RobotCommand command, GuardInput in) {
    if (command instanceof RobotCommand.Stop) {
      return Verdict.fullSpeed();
    }
    Verdict.Reject pre = preconditions(command, in);
    if (pre != null) {
      return pre;
    }
    if (command instanceof RobotCommand.SetOutput) {
      int output = ((RobotCommand.SetOutput) command).output();
      return limits.allowedOutputs().contains(output) ? Verdict.fullSpeed()
          : Verdict.reject(RejectReason.OUTPUT_NOT_ALLOWED, "digital output %d is not in allowed-outputs %s", output,
              limits.allowedOutputs());
    }
    PathCheck path = command instanceof RobotCommand.MoveJoints
        ? checkJointMove((RobotCommand.MoveJoints) command, in.status())
        : checkLinearMove((RobotCommand.MoveLinear) command, in.status());
    if (path.reject != null) {
      return path.reject;
    }
    return separation(path.tcpSpeed, in);
  }

  /**
   * Speed and separation alone, for a command already running when the zone sensor reports a change: Accept with the
   * new speed fraction, or Reject (PERSON_TOO_CLOSE, CELL_CONTEXT_STALE) when the arm should stop.
   */
  public Verdict separationFor(RobotCommand command, GuardInput in) {
    if (!command.isMotion() || in.status() == null) {
      return Verdict.fullSpeed();
    }
    PathCheck path = command instanceof RobotCommand.MoveJoints
        ? checkJointMove((RobotCommand.MoveJoints) command, in.status())
        : checkLinearMove((RobotCommand.MoveLinear) command, in.status());
    return path.reject != null ? Verdict.fullSpeed() : separation(path.tcpSpeed, in);
  }

  private Verdict.Reject preconditions(RobotCommand command, GuardInput in) {
    if (in.driverState() != DriverState.ACTIVE) {
      return Verdict.reject(RejectReason.DRIVER_NOT_ACTIVE, "driver is %s", in.driverState());
    }
    RobotStatus s = in.status();
    if (s == null) {
      return Verdict.reject(RejectReason.ROBOT_STATUS_STALE, "no state report from the robot yet");
    }
    long ageMillis = (in.nowNanos() - s.receivedNanos()) / 1_000_000;
    if (ageMillis > limits.statusMaxAge().toMillis()) {
      return Verdict.reject(RejectReason.ROBOT_STATUS_STALE, "last robot state is %d ms old (limit %d ms)", ageMillis,
          limits.statusMaxAge().toMillis());
    }
    if (s.safetyMode() == SafetyMode.PROTECTIVE_STOP) {
      return Verdict.reject(RejectReason.PROTECTIVE_STOP, "robot safety mode is PROTECTIVE_STOP");
    }
    if (s.safetyMode() != SafetyMode.NORMAL && s.safetyMode() != SafetyMode.REDUCED) {
      return Verdict.reject(RejectReason.SAFETY_STOP, "robot safety mode is %s", s.safetyMode());
    }
    if (s.robotMode() != RobotMode.RUNNING) {
      return Verdict.reject(RejectReason.ROBOT_NOT_RUNNING, "robot mode is %s, needs RUNNING", s.robotMode());
    }
    ProgramState p = s.programState();
    if (p == ProgramState.PAUSED || p == ProgramState.PAUSING || p == ProgramState.RESUMING) {
      return Verdict.reject(RejectReason.PROGRAM_NOT_READY, "robot program is %s", p);
    }
    if (in.commandInFlight()) {
      // On a UR a new program replaces the running one: a second command would cut the first one short.
      return Verdict.reject(RejectReason.ROBOT_BUSY, "another command is still running");
    }
    return null;
  }

  private record PathCheck(Verdict.Reject reject, double tcpSpeed) {
    static PathCheck rejected(Verdict.Reject r) {
      return new PathCheck(r, 0);
    }
  }

  private PathCheck checkJointMove(RobotCommand.MoveJoints m, RobotStatus s) {
    double[] q = m.q();
    if (q.length != 6) {
      return PathCheck.rejected(Verdict.reject(RejectReason.NOT_FINITE, "joint target needs 6 values, had %d",
          q.length));
    }
    for (int i = 0; i < 6; i++) {
      if (!Double.isFinite(q[i])) {
        return PathCheck.rejected(Verdict.reject(RejectReason.NOT_FINITE, "q%d is %s", i, q[i]));
      }
    }
    if (!Double.isFinite(m.speed()) || !Double.isFinite(m.accel())) {
      return PathCheck.rejected(Verdict.reject(RejectReason.NOT_FINITE, "speed %s, acceleration %s", m.speed(),
          m.accel()));
    }
    double[] min = limits.jointMin();
    double[] max = limits.jointMax();
    double margin = limits.jointMargin();
    for (int i = 0; i < 6; i++) {
      if (q[i] < min[i] + margin || q[i] > max[i] - margin) {
        return PathCheck.rejected(Verdict.reject(RejectReason.JOINT_LIMIT,
            "q%d = %.4f rad is outside [%.4f, %.4f] (limits less %.3f rad margin)", i, q[i], min[i] + margin,
            max[i] - margin, margin));
      }
    }
    if (!(m.speed() > 0) || m.speed() > limits.maxJointSpeed()) {
      return PathCheck.rejected(Verdict.reject(RejectReason.JOINT_SPEED, "joint speed %.3f rad/s is outside (0, %.3f]",
          m.speed(), limits.maxJointSpeed()));
    }
    if (!(m.accel() > 0) || m.accel() > limits.maxJointAcceleration()) {
      return PathCheck.rejected(Verdict.reject(RejectReason.JOINT_ACCELERATION,
          "joint acceleration %.3f rad/s^2 is outside (0, %.3f]", m.accel(), limits.maxJointAcceleration()));
    }
    // The robot interpolates joints linearly: sample that path in Cartesian space.
    double[] q0 = s.q();
    double leading = 0;
    for (int i = 0; i < 6; i++) {
      leading = Math.max(leading, Math.abs(q[i] - q0[i]));
    }
    double seconds = leading / m.speed();
    double maxTcpSpeed = 0;
    Pose previous = kinematics.forward(q0);
    for (int k = 1; k <= PATH_SAMPLES; k++) {
      double f = (double) k / PATH_SAMPLES;
      double[] qs = new double[6];
      for (int i = 0; i < 6; i++) {
        qs[i] = q0[i] + (q[i] - q0[i]) * f;
      }
      Pose p = kinematics.forward(qs);
      Verdict.Reject where = place(p, String.format("at %.0f%% of the joint move", f * 100));
      if (where != null) {
        return PathCheck.rejected(where);
      }
      if (seconds > 0) {
        maxTcpSpeed = Math.max(maxTcpSpeed, distance(previous, p) / (seconds / PATH_SAMPLES));
      }
      previous = p;
    }
    if (maxTcpSpeed > limits.maxTcpSpeed()) {
      return PathCheck.rejected(Verdict.reject(RejectReason.TCP_SPEED,
          "joint move would drive the tool at about %.3f m/s, limit %.3f m/s", maxTcpSpeed, limits.maxTcpSpeed()));
    }
    return new PathCheck(null, maxTcpSpeed);
  }

  private PathCheck checkLinearMove(RobotCommand.MoveLinear m, RobotStatus s) {
    Pose t = m.target();
    if (t == null || !t.isFinite() || !Double.isFinite(m.speed()) || !Double.isFinite(m.accel())) {
      return PathCheck.rejected(Verdict.reject(RejectReason.NOT_FINITE, "target %s, speed %s, acceleration %s", t,
          m.speed(), m.accel()));
    }
    if (!(m.speed() > 0) || m.speed() > limits.maxTcpSpeed()) {
      return PathCheck.rejected(Verdict.reject(RejectReason.TCP_SPEED, "tool speed %.3f m/s is outside (0, %.3f]",
          m.speed(), limits.maxTcpSpeed()));
    }
    if (!(m.accel() > 0) || m.accel() > limits.maxTcpAcceleration()) {
      return PathCheck.rejected(Verdict.reject(RejectReason.TCP_ACCELERATION,
          "tool acceleration %.3f m/s^2 is outside (0, %.3f]", m.accel(), limits.maxTcpAcceleration()));
    }
    // The workspace is a box, so a straight segment whose end is inside stays inside if its start is.
    Verdict.Reject where = place(t, "at the target");
    if (where != null) {
      return PathCheck.rejected(where);
    }
    Pose from = s.tcp();
    double[] a = {from.x(), from.y(), from.z()};
    double[] b = {t.x(), t.y(), t.z()};
    for (Map.Entry<String, Box> zone : limits.forbiddenZones().entrySet()) {
      if (zone.getValue().intersectsSegment(a, b)) {
        return PathCheck.rejected(Verdict.reject(RejectReason.FORBIDDEN_ZONE,
            "straight path to (%.3f, %.3f, %.3f) crosses forbidden zone '%s' %s", t.x(), t.y(), t.z(), zone.getKey(),
            zone.getValue()));
      }
    }
    return new PathCheck(null, m.speed());
  }

  private Verdict.Reject place(Pose p, String where) {
    if (!limits.workspace().contains(p.x(), p.y(), p.z())) {
      return Verdict.reject(RejectReason.WORKSPACE, "tool at (%.3f, %.3f, %.3f) %s is outside the workspace %s",
          p.x(), p.y(), p.z(), where, limits.workspace());
    }
    for (Map.Entry<String, Box> zone : limits.forbiddenZones().entrySet()) {
      if (zone.getValue().contains(p.x(), p.y(), p.z())) {
        return Verdict.reject(RejectReason.FORBIDDEN_ZONE, "tool at (%.3f, %.3f, %.3f) %s is in forbidden zone '%s' %s",
            p.x(), p.y(), p.z(), where, zone.getKey(), zone.getValue());
      }
    }
    return null;
  }

  private Verdict separation(double tcpSpeed, GuardInput in) {
    CellContext cell = in.cell();
    if (!cell.sensorPresent()) {
      return Verdict.fullSpeed();
    }
    long ageMillis = (in.nowNanos() - cell.observedNanos()) / 1_000_000;
    if (ageMillis > limits.zoneMaxAge().toMillis()) {
      return Verdict.reject(RejectReason.CELL_CONTEXT_STALE, "zone sensor reading is %d ms old (limit %d ms)",
          ageMillis, limits.zoneMaxAge().toMillis());
    }
    double distance = Double.isNaN(cell.personDistance()) ? (cell.zoneOccupied() ? 0 : Double.POSITIVE_INFINITY)
        : cell.personDistance();
    SeparationParameters ssm = limits.separation();
    double allowed = ssm.allowedRobotSpeed(distance);
    if (tcpSpeed <= 0 || allowed >= tcpSpeed) {
      return Verdict.fullSpeed();
    }
    double fraction = allowed / tcpSpeed;
    if (fraction < ssm.minSpeedFraction()) {
      return Verdict.reject(RejectReason.PERSON_TOO_CLOSE,
          "person at %.2f m allows %.3f m/s, below %.0f%% of the move's %.3f m/s", distance, Math.max(0, allowed),
          ssm.minSpeedFraction() * 100, tcpSpeed);
    }
    return new Verdict.Accept(fraction, String.format(java.util.Locale.ROOT,
        "person at %.2f m: speed scaled to %.0f%% (%.3f m/s)", distance, fraction * 100, allowed));
  }

  private static double distance(Pose a, Pose b) {
    double dx = a.x() - b.x();
    double dy = a.y() - b.y();
    double dz = a.z() - b.z();
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
