package io.cellpilot.robot.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.robot.DriverState;
import io.cellpilot.robot.Pose;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.RobotModes.ProgramState;
import io.cellpilot.robot.RobotModes.RobotMode;
import io.cellpilot.robot.RobotModes.SafetyMode;
import io.cellpilot.robot.RobotStatus;
import io.cellpilot.robot.kinematics.DhKinematics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard as the pure function it is: no robot, no sockets. */
class CommandGuardTest {

  private static final double[] HOME = {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};
  private static final long NOW = 1_000_000_000_000L;
  private static final CommandGuard GUARD = new CommandGuard(GuardLimits.ur5eDefaults(), DhKinematics.UR5E);

  private static RobotStatus status(RobotMode mode, SafetyMode safety, ProgramState program) {
    return new RobotStatus(HOME, new double[6], DhKinematics.UR5E.forward(HOME), mode, safety, program, 1.0, 60,
        NOW - 2_000_000);
  }

  private static GuardInput ready() {
    return new GuardInput(DriverState.ACTIVE, status(RobotMode.RUNNING, SafetyMode.NORMAL, ProgramState.STOPPED),
        false, CellContext.NO_SENSOR, NOW);
  }

  private static Pose home() {
    return DhKinematics.UR5E.forward(HOME);
  }

  private static Verdict.Reject rejected(Verdict v, RejectReason reason) {
    Verdict.Reject r = assertInstanceOf(Verdict.Reject.class, v);
    assertEquals(reason, r.reason(), r.detail());
    return r;
  }

  @Test
  void aModestJointMoveInsideTheWorkspaceIsAcceptedAtFullSpeed() {
    Verdict v = GUARD.check(new RobotCommand.MoveJoints(new double[] {0.3, -1.4, 1.4, -1.6, -1.5, 0.2}, 0.5, 1.0),
        ready());
    assertEquals(new Verdict.Accept(1.0, ""), v);
  }

  @Test
  void stopIsAcceptedEvenWhenTheDriverIsInFault() {
    GuardInput fault = new GuardInput(DriverState.FAULT, null, true, CellContext.NO_SENSOR, NOW);
    assertTrue(GUARD.check(RobotCommand.Stop.DEFAULT, fault).accepted());
  }

  @Test
  void aJointTargetInsideTheLimitButWithinTheMarginIsRejectedNamingTheJoint() {
    Verdict.Reject r = rejected(GUARD.check(new RobotCommand.MoveJoints(
        new double[] {0, -1.5, Math.PI - 0.01, -1.5, -1.5, 0}, 0.5, 1.0), ready()), RejectReason.JOINT_LIMIT);
    assertTrue(r.detail().startsWith("q2 = 3.1316 rad"), r.detail());
  }

  @Test
  void infiniteSpeedIsRejectedAsNotFinite() {
    rejected(GUARD.check(new RobotCommand.MoveJoints(HOME, Double.POSITIVE_INFINITY, 1.0), ready()),
        RejectReason.NOT_FINITE);
    rejected(GUARD.check(new RobotCommand.MoveLinear(new Pose(0.1, Double.NaN, 0.3, 0, 3.14, 0), 0.1, 1.0),
        ready()), RejectReason.NOT_FINITE);
  }

  @Test
  void aFastJointMoveIsRejectedForTheToolSpeedItWouldReach() {
    Verdict.Reject r = rejected(GUARD.check(new RobotCommand.MoveJoints(
        new double[] {1.5, -1.5, 1.5, -1.5, -1.5, 0}, 1.4, 3.0), ready()), RejectReason.TCP_SPEED);
    assertTrue(r.detail().contains("m/s"), r.detail());
  }

  @Test
  void aJointMoveWhosePathDipsBelowTheTableIsRejectedEvenThoughItsEndIsFine() {
    // Shoulder swings through horizontal-down: the target is above the table, the way there is not.
    GuardLimits limits = GuardLimits.ur5eDefaults().withWorkspace(new Box(-0.9, -0.9, 0.3, 0.9, 0.9, 1.1));
    CommandGuard guard = new CommandGuard(limits, DhKinematics.UR5E);
    double[] target = {0, -Math.PI / 2 - 0.1, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};
    assertTrue(guard.check(new RobotCommand.MoveJoints(target, 0.3, 1.0), ready()).accepted());
    double[] through = {0, 0.3, 0.2, -Math.PI / 2, -Math.PI / 2, 0};
    rejected(guard.check(new RobotCommand.MoveJoints(through, 0.3, 1.0), ready()), RejectReason.WORKSPACE);
  }

  @Test
  void aStraightMoveThroughAForbiddenZoneIsRejectedAlthoughBothEndsAreOutsideIt() {
    Pose from = home();
    CommandGuard guard = new CommandGuard(GuardLimits.ur5eDefaults().withForbiddenZones(
        Map.of("fixture", new Box(from.x() + 0.04, from.y() - 0.05, from.z() - 0.05, from.x() + 0.06,
            from.y() + 0.05, from.z() + 0.05))), DhKinematics.UR5E);
    Pose to = new Pose(from.x() + 0.1, from.y(), from.z(), from.rx(), from.ry(), from.rz());
    Verdict.Reject r = rejected(guard.check(new RobotCommand.MoveLinear(to, 0.2, 1.0), ready()),
        RejectReason.FORBIDDEN_ZONE);
    assertTrue(r.detail().contains("'fixture'"), r.detail());
  }

  @Test
  void aPersonAtAMetreSlowsTheMoveDownThroughTheSpeedFraction() {
    Pose to = new Pose(home().x() + 0.1, home().y(), home().z(), home().rx(), home().ry(), home().rz());
    GuardInput near = new GuardInput(DriverState.ACTIVE, ready().status(), false,
        CellContext.reading(true, 1.0, NOW - 1_000_000), NOW);
    Verdict.Accept a = assertInstanceOf(Verdict.Accept.class,
        GUARD.check(new RobotCommand.MoveLinear(to, 0.5, 1.0), near));
    // (1.0 - 1.6 * 0.4 - 0.2 - 0.05) / (0.1 + 0.15) = 0.44 m/s of the 0.5 m/s asked for.
    assertEquals(0.44 / 0.5, a.speedFraction(), 1e-9);
    assertTrue(a.note().contains("person at 1.00 m"), a.note());
  }

  @Test
  void nobodyNearMeansFullSpeedAndAPersonTooCloseMeansNoMotion() {
    Pose to = new Pose(home().x() + 0.1, home().y(), home().z(), home().rx(), home().ry(), home().rz());
    RobotCommand move = new RobotCommand.MoveLinear(to, 0.5, 1.0);
    GuardInput nobody = new GuardInput(DriverState.ACTIVE, ready().status(), false,
        CellContext.reading(false, 10.0, NOW), NOW);
    assertEquals(1.0, assertInstanceOf(Verdict.Accept.class, GUARD.check(move, nobody)).speedFraction());
    GuardInput close = new GuardInput(DriverState.ACTIVE, ready().status(), false,
        CellContext.reading(true, 0.8, NOW), NOW);
    rejected(GUARD.check(move, close), RejectReason.PERSON_TOO_CLOSE);
    GuardInput unknownDistance = new GuardInput(DriverState.ACTIVE, ready().status(), false,
        CellContext.reading(true, Double.NaN, NOW), NOW);
    rejected(GUARD.check(move, unknownDistance), RejectReason.PERSON_TOO_CLOSE);
  }

  @Test
  void preconditionsAreCheckedInOrderOfWhatAnOperatorMustFixFirst() {
    RobotCommand out = new RobotCommand.SetOutput(0, true);
    rejected(GUARD.check(out, new GuardInput(DriverState.INACTIVE, ready().status(), false, CellContext.NO_SENSOR,
        NOW)), RejectReason.DRIVER_NOT_ACTIVE);
    rejected(GUARD.check(out, new GuardInput(DriverState.ACTIVE, null, false, CellContext.NO_SENSOR, NOW)),
        RejectReason.ROBOT_STATUS_STALE);
    rejected(GUARD.check(out, new GuardInput(DriverState.ACTIVE, ready().status(), false, CellContext.NO_SENSOR,
        NOW + 5_000_000_000L)), RejectReason.ROBOT_STATUS_STALE);
    rejected(GUARD.check(out, input(RobotMode.RUNNING, SafetyMode.PROTECTIVE_STOP, ProgramState.STOPPED)),
        RejectReason.PROTECTIVE_STOP);
    rejected(GUARD.check(out, input(RobotMode.RUNNING, SafetyMode.ROBOT_EMERGENCY_STOP, ProgramState.STOPPED)),
        RejectReason.SAFETY_STOP);
    rejected(GUARD.check(out, input(RobotMode.IDLE, SafetyMode.NORMAL, ProgramState.STOPPED)),
        RejectReason.ROBOT_NOT_RUNNING);
    rejected(GUARD.check(out, input(RobotMode.RUNNING, SafetyMode.NORMAL, ProgramState.PAUSED)),
        RejectReason.PROGRAM_NOT_READY);
    rejected(GUARD.check(out, new GuardInput(DriverState.ACTIVE, ready().status(), true, CellContext.NO_SENSOR,
        NOW)), RejectReason.ROBOT_BUSY);
    assertTrue(GUARD.check(out, input(RobotMode.RUNNING, SafetyMode.REDUCED, ProgramState.STOPPED)).accepted());
  }

  @Test
  void speedAndAccelerationLimitsRejectWithTheNumbers() {
    rejected(GUARD.check(new RobotCommand.MoveJoints(HOME, 1.6, 1.0), ready()), RejectReason.JOINT_SPEED);
    rejected(GUARD.check(new RobotCommand.MoveJoints(HOME, 0.5, 0), ready()), RejectReason.JOINT_ACCELERATION);
    Verdict.Reject r = rejected(GUARD.check(new RobotCommand.MoveLinear(home(), 0.6, 1.0), ready()),
        RejectReason.TCP_SPEED);
    assertEquals("tool speed 0.600 m/s is outside (0, 0.500]", r.detail());
    rejected(GUARD.check(new RobotCommand.MoveLinear(home(), 0.1, 2.5), ready()), RejectReason.TCP_ACCELERATION);
    rejected(GUARD.check(new RobotCommand.SetOutput(5, true), ready()), RejectReason.OUTPUT_NOT_ALLOWED);
  }

  @Test
  void aStaleZoneReadingIsNotTrusted() {
    GuardInput stale = new GuardInput(DriverState.ACTIVE, ready().status(), false,
        CellContext.reading(false, 10, NOW - Duration.ofSeconds(2).toNanos()), NOW);
    rejected(GUARD.check(new RobotCommand.MoveLinear(home(), 0.1, 1.0), stale), RejectReason.CELL_CONTEXT_STALE);
  }

  @Test
  void configurationErrorsNameTheKeyAndTheValue() {
    GuardLimits tooFast = GuardLimits.ur5eDefaults().withSpeeds(1.0, 2.0, 7.5, 2.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> tooFast.validate("cellpilot.robots.r1."));
    assertEquals("cellpilot.robots.r1.max-tcp-speed must be between 0 and 3.0 m/s, was 7.5", e.getMessage());
  }

  private static GuardInput input(RobotMode mode, SafetyMode safety, ProgramState program) {
    return new GuardInput(DriverState.ACTIVE, status(mode, safety, program), false, CellContext.NO_SENSOR, NOW);
  }
}
