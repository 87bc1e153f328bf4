package io.cellpilot.controller.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.robot.DriverState;
import io.cellpilot.robot.Pose;
import io.cellpilot.robot.RobotModes.ProgramState;
import io.cellpilot.robot.RobotModes.RobotMode;
import io.cellpilot.robot.RobotModes.SafetyMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RobotStatesTest {
  private static final long NOW = 10_000_000_000L;

  private static Optional<io.cellpilot.robot.RobotStatus> report(RobotMode mode, SafetyMode safety,
      ProgramState program, long receivedNanos) {
    return Optional.of(new io.cellpilot.robot.RobotStatus(new double[6], new double[6], new Pose(0, 0, 0, 0, 0, 0),
        mode, safety, program, 0.734, 80, receivedNanos));
  }

  private static RobotStatus status(DriverState state, Optional<io.cellpilot.robot.RobotStatus> report,
      String held, String zone) {
    return RobotStates.status("r1", state, report, NOW, held, zone, "", true);
  }

  @Test
  void anActiveRunningRobotWithAFreshZoneReadingIsReady() {
    RobotStatus s = status(DriverState.ACTIVE, report(RobotMode.RUNNING, SafetyMode.NORMAL, ProgramState.STOPPED,
        NOW - 1_000_000), "", "");
    assertTrue(s.connected());
    assertTrue(s.ready(), s.detail());
    assertEquals("ACTIVE", s.driverState());
  }

  @Test
  void everyReasonNotToPickIsNamed() {
    var fresh = report(RobotMode.RUNNING, SafetyMode.NORMAL, ProgramState.STOPPED, NOW - 1_000_000);
    assertEquals("stopped (operator ann: jam); an operator must activate it",
        status(DriverState.ACTIVE, fresh, "operator ann: jam", "").detail());
    assertEquals("zone sensor reading is 900 ms old (limit 500 ms)",
        status(DriverState.ACTIVE, fresh, "", "zone sensor reading is 900 ms old (limit 500 ms)").detail());
    assertEquals("safety mode PROTECTIVE_STOP", status(DriverState.ACTIVE,
        report(RobotMode.RUNNING, SafetyMode.PROTECTIVE_STOP, ProgramState.STOPPED, NOW), "", "").detail());
    assertEquals("robot mode POWER_OFF", status(DriverState.ACTIVE,
        report(RobotMode.POWER_OFF, SafetyMode.NORMAL, ProgramState.STOPPED, NOW), "", "").detail());
    assertEquals("a program is PAUSED at the robot", status(DriverState.ACTIVE,
        report(RobotMode.RUNNING, SafetyMode.NORMAL, ProgramState.PAUSED, NOW), "", "").detail());
    assertEquals("driver INACTIVE; activate it to accept motion",
        status(DriverState.INACTIVE, fresh, "", "").detail());
    assertEquals("no reject pick is configured for this robot",
        RobotStates.status("r1", DriverState.ACTIVE, fresh, NOW, "", "", "", false).detail());
  }

  @Test
  void aRobotWhoseReportsStoppedIsNotConnectedWhateverTheDriverSays() {
    RobotStatus s = status(DriverState.ACTIVE, report(RobotMode.RUNNING, SafetyMode.NORMAL, ProgramState.STOPPED,
        NOW - 2_000_000_000L), "", "");
    assertFalse(s.connected());
    assertFalse(s.ready());
    assertEquals("no recent report from the robot", s.detail());
    assertEquals("not connected: connection refused", RobotStates.status("r1", DriverState.UNCONFIGURED,
        Optional.empty(), NOW, "", "", "connection refused", true).detail());
  }

  @Test
  void eventsCarryTheSpeedScalingToTwoDecimalsSoSliderStepsDoNotFloodDashboards() {
    RobotStates.Key key = RobotStates.key(DriverState.ACTIVE, report(RobotMode.RUNNING, SafetyMode.REDUCED,
        ProgramState.PLAYING, NOW));
    assertEquals(new RobotStates.Key("ACTIVE", "RUNNING", "REDUCED", true, 0.73), key);
    assertEquals(new RobotStates.Key("UNCONFIGURED", "UNKNOWN", "UNKNOWN", false, Double.NaN),
        RobotStates.key(DriverState.UNCONFIGURED, Optional.empty()));
  }
}
