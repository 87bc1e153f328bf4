package io.cellpilot.controller.robot;

import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.opcua.server.RobotSnapshot;
import io.cellpilot.robot.DriverState;
import io.cellpilot.robot.RobotModes.ProgramState;
import io.cellpilot.robot.RobotModes.RobotMode;
import io.cellpilot.robot.RobotModes.SafetyMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pure views of a robot's state: readiness for the controller core, events, the cell server's snapshot. */
final class RobotStates {
  /** A report older than this means the link is not delivering, whatever the driver state says. */
  static final long CONNECTED_WITHIN_NANOS = Duration.ofSeconds(1).toNanos();

  private RobotStates() {}

  /** What a {@code RobotStateChanged} event carries; equal keys publish nothing new. */
  record Key(String driverState, String robotMode, String safetyMode, boolean programRunning, double speedScaling) {}

  static Key key(DriverState state, Optional<io.cellpilot.robot.RobotStatus> status) {
    if (status.isEmpty()) {
      return new Key(state.name(), "UNKNOWN", "UNKNOWN", false, Double.NaN);
    }
    io.cellpilot.robot.RobotStatus s = status.get();
    // Two decimals: the slider moves continuously while scaling; operators need the level, not every step.
    double scaling = Math.round(s.speedScaling() * 100) / 100.0;
    return new Key(state.name(), s.robotMode().name(), s.safetyMode().name(),
        s.programState() == ProgramState.PLAYING, scaling);
  }

  /**
   * Whether the robot can take a reject pick now, and a sentence when it cannot. Ready means: driver ACTIVE, a
   * recent report, the arm running, safety mode NORMAL or REDUCED, no paused program, no operator's stop, a fresh
   * zone reading (when the cell has a zone sensor) and a reject pick configured.
   *
   * @param heldBecause why an operator stopped it; empty when not stopped
   * @param zoneProblem why the zone reading cannot be used; empty when fresh or when there is no zone sensor
   * @param lastError the last failure to connect or activate; empty when none
   */
  static RobotStatus status(String id, DriverState state, Optional<io.cellpilot.robot.RobotStatus> report,
      long nowNanos, String heldBecause, String zoneProblem, String lastError, boolean canPick) {
    boolean recent = report.isPresent() && nowNanos - report.get().receivedNanos() < CONNECTED_WITHIN_NANOS;
    boolean connected = (state == DriverState.INACTIVE || state == DriverState.ACTIVE) && recent;
    String why;
    if (!connected) {
      why = state == DriverState.UNCONFIGURED ? "not connected" + (lastError.isEmpty() ? "" : ": " + lastError)
          : state == DriverState.FAULT ? "driver FAULT" + (lastError.isEmpty() ? "" : ": " + lastError)
          : "no recent report from the robot";
    } else if (!heldBecause.isEmpty()) {
      why = "stopped (" + heldBecause + "); an operator must activate it";
    } else if (state != DriverState.ACTIVE) {
      why = "driver " + state + (lastError.isEmpty() ? "; activate it to accept motion" : ": " + lastError);
    } else {
      why = notReady(report.get());
      if (why.isEmpty() && !zoneProblem.isEmpty()) {
        why = zoneProblem;
      }
      if (why.isEmpty() && !canPick) {
        why = "no reject pick is configured for this robot";
      }
    }
    return new RobotStatus(id, connected, why.isEmpty(), state.name(), why.isEmpty() ? "ready" : why);
  }

  private static String notReady(io.cellpilot.robot.RobotStatus s) {
    if (s.robotMode() != RobotMode.RUNNING) {
      return "robot mode " + s.robotMode();
    }
    if (s.safetyMode() != SafetyMode.NORMAL && s.safetyMode() != SafetyMode.REDUCED) {
      return "safety mode " + s.safetyMode();
    }
    if (s.programState() == ProgramState.PAUSED || s.programState() == ProgramState.PAUSING
        || s.programState() == ProgramState.RESUMING) {
      return "a program is " + s.programState() + " at the robot";
    }
    return "";
  }

  static RobotSnapshot snapshot(String id, String model, DriverState state, io.cellpilot.robot.RobotStatus s,
      Instant now) {
    double[] q = s.q();
    double[] qd = s.qd();
    List<RobotSnapshot.AxisState> axes = new ArrayList<>();
    for (int i = 0; i < q.length; i++) {
      axes.add(new RobotSnapshot.AxisState(q[i], i < qd.length ? qd[i] : Double.NaN));
    }
    return new RobotSnapshot(id, model.toUpperCase(java.util.Locale.ROOT), axes, s.speedScaling(), state.name(),
        s.robotMode().name(), s.safetyMode().name(), s.programState() == ProgramState.PLAYING, now);
  }
}
