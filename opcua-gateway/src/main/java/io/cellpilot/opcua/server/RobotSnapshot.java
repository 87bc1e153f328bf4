package io.cellpilot.opcua.server;

import java.time.Instant;
import java.util.List;

/**
 * What the cell server shows of one robot, after OPC 40010 (Robotics): its axes, controller and safety state. The
 * safety fields are an informational copy of what the robot's own safety controller reports.
 *
 * @param axes actual joint positions (rad) and speeds (rad/s), base first
 * @param speedOverride the speed fraction in force (0..1)
 * @param driverState CellPilot's driver state: UNCONFIGURED, INACTIVE, ACTIVE or FAULT
 * @param safetyMode the robot's safety mode as it reports it, e.g. NORMAL, PROTECTIVE_STOP
 */
public record RobotSnapshot(String robotId, String model, List<AxisState> axes, double speedOverride,
                            String driverState, String robotMode, String safetyMode, boolean programRunning,
                            Instant time) {
  public RobotSnapshot {
    axes = List.copyOf(axes);
  }

  /** One joint's actual position (rad) and speed (rad/s). */
  public record AxisState(double position, double speed) {}
}
