package io.cellpilot.robot.ur;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.robot.CommandHandle;
import io.cellpilot.robot.CommandOutcome;
import io.cellpilot.robot.CommandOutcome.Status;
import io.cellpilot.robot.DriverState;
import io.cellpilot.robot.Pose;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.RobotException;
import io.cellpilot.robot.guard.RejectReason;
import io.cellpilot.sim.cobot.UrModes;
import org.junit.jupiter.api.Test;

/** The UR driver against the simulated UR5e over its real sockets. */
class UrDriverTest {

  private static final double[] FAR = {1.2, -1.2, 1.2, -1.9, -1.5, 0.8};

  @Test
  void configuringConnectsWithoutMovingAndActivatingPowersOnAndReleasesTheBrakes() {
    try (CobotFixture f = CobotFixture.start()) {
      f.driver.configure();
      assertEquals(DriverState.INACTIVE, f.driver.state());
      assertEquals(UrModes.RobotMode.POWER_OFF, f.cobot.state().robotMode());
      f.driver.activate();
      assertEquals(DriverState.ACTIVE, f.driver.state());
      assertEquals(UrModes.RobotMode.RUNNING, f.cobot.state().robotMode());
    }
  }

  @Test
  void aJointMoveIsAcknowledgedThenCompletedWithTheArmAtItsTarget() {
    try (CobotFixture f = CobotFixture.start().active()) {
      double[] target = {0.3, -1.4, 1.4, -1.6, -1.5, 0.2};
      CommandHandle h = f.driver.submit(new RobotCommand.MoveJoints(target, 0.5, 3.0));
      CommandOutcome o = h.outcome().orTimeout(10, SECONDS).join();
      assertEquals(Status.COMPLETED, o.status(), o.detail());
      assertTrue(h.acknowledged().isDone());
      assertTrue(o.submittedNanos() < o.sentNanos() && o.sentNanos() < o.acknowledgedNanos()
          && o.acknowledgedNanos() <= o.finishedNanos(), o.toString());
      double[] q = f.cobot.state().q();
      for (int i = 0; i < 6; i++) {
        assertEquals(target[i], q[i], 1e-6);
      }
      assertTrue(f.driver.energyJoules() > 0);
    }
  }

  @Test
  void aLinearMoveEndsAtThePoseAskedFor() {
    try (CobotFixture f = CobotFixture.start().active()) {
      Pose start = f.driver.status().orElseThrow().tcp();
      Pose target = new Pose(start.x() + 0.10, start.y() - 0.05, start.z() - 0.10, start.rx(), start.ry(), start.rz());
      CommandOutcome o = f.driver.submit(new RobotCommand.MoveLinear(target, 0.25, 1.0)).outcome()
          .orTimeout(10, SECONDS).join();
      assertEquals(Status.COMPLETED, o.status(), o.detail());
      double[] p = f.cobot.state().tcpPose();
      assertEquals(target.x(), p[0], 1e-4);
      assertEquals(target.y(), p[1], 1e-4);
      assertEquals(target.z(), p[2], 1e-4);
    }
  }

  @Test
  void stopInTheMiddleOfAMoveFailsTheMoveAndBringsTheArmToRestShortOfItsTarget() {
    try (CobotFixture f = CobotFixture.start().active()) {
      CommandHandle h = f.driver.submit(new RobotCommand.MoveJoints(FAR, 0.5, 1.0));
      await().atMost(5, SECONDS).until(() -> f.cobot.state().moving());
      f.driver.stop();
      f.driver.stop(); // idempotent
      CommandOutcome o = h.outcome().orTimeout(5, SECONDS).join();
      assertEquals(Status.FAILED, o.status());
      await().atMost(5, SECONDS).until(() -> !f.cobot.state().moving());
      assertTrue(Math.abs(f.cobot.state().q()[0] - FAR[0]) > 0.1, "the arm must not have reached its target");
      assertEquals(DriverState.ACTIVE, f.driver.state());
    }
  }

  @Test
  void aStopCommandCompletesWhenTheArmIsAtRest() {
    try (CobotFixture f = CobotFixture.start().active()) {
      f.driver.submit(new RobotCommand.MoveJoints(FAR, 0.5, 1.0));
      await().atMost(5, SECONDS).until(() -> f.cobot.state().moving());
      CommandOutcome o = f.driver.execute(RobotCommand.Stop.DEFAULT);
      assertEquals(Status.COMPLETED, o.status(), o.detail());
      assertTrue(!f.cobot.state().moving());
    }
  }

  @Test
  void aProtectiveStopFailsTheMoveBlocksCommandsAndIsRecoveredByUnlocking() {
    try (CobotFixture f = CobotFixture.start().active()) {
      CommandHandle h = f.driver.submit(new RobotCommand.MoveJoints(FAR, 0.5, 1.0));
      await().atMost(5, SECONDS).until(() -> f.cobot.state().moving());
      f.cobot.injectProtectiveStop("test: collision detected");
      CommandOutcome o = h.outcome().orTimeout(5, SECONDS).join();
      assertEquals(Status.FAILED, o.status());
      assertTrue(o.detail().contains("protective stop"), o.detail());

      await().atMost(5, SECONDS).until(() -> f.driver.status().orElseThrow().safetyMode()
          == io.cellpilot.robot.RobotModes.SafetyMode.PROTECTIVE_STOP);
      CommandOutcome blocked = f.driver.execute(new RobotCommand.MoveJoints(CobotFixture.HOME, 0.5, 1.0));
      assertEquals(Status.REJECTED, blocked.status());
      assertTrue(blocked.detail().startsWith(RejectReason.PROTECTIVE_STOP.name()), blocked.detail());

      // UR refuses to unlock until some time after the stop; an operator retries.
      await().atMost(5, SECONDS).ignoreExceptionsInstanceOf(RobotException.class).until(() -> {
        f.driver.unlockProtectiveStop();
        return true;
      });
      await().atMost(5, SECONDS).until(() -> f.driver.status().orElseThrow().safetyMode()
          == io.cellpilot.robot.RobotModes.SafetyMode.NORMAL);
      CommandOutcome again = f.driver.execute(new RobotCommand.MoveJoints(CobotFixture.HOME, 0.6, 3.0));
      assertEquals(Status.COMPLETED, again.status(), again.detail());
    }
  }

  @Test
  void whenWatchdogKicksStopTheRobotSideWatchdogStopsTheArm() {
    try (CobotFixture f = CobotFixture.start().active()) {
      CommandHandle h = f.driver.submit(new RobotCommand.MoveJoints(FAR, 0.5, 1.0));
      await().atMost(5, SECONDS).until(() -> f.cobot.state().moving());
      f.driver.holdWatchdogKicks(true);
      CommandOutcome o = h.outcome().orTimeout(5, SECONDS).join();
      assertEquals(Status.FAILED, o.status());
      assertTrue(o.detail().contains("watchdog"), o.detail());
      await().atMost(5, SECONDS).until(() -> !f.cobot.state().moving());
      assertTrue(Math.abs(f.cobot.state().q()[0] - FAR[0]) > 0.1);
    }
  }

  @Test
  void aDroppedConnectionPutsTheDriverInFaultAndActivateReconnects() {
    try (CobotFixture f = CobotFixture.start().active()) {
      CommandHandle h = f.driver.submit(new RobotCommand.MoveJoints(FAR, 0.5, 1.0));
      await().atMost(5, SECONDS).until(() -> f.cobot.state().moving());
      f.cobot.dropConnections();
      await().atMost(5, SECONDS).until(() -> f.driver.state() == DriverState.FAULT);
      assertEquals(Status.FAILED, h.outcome().orTimeout(5, SECONDS).join().status());
      // The robot-side watchdog stops the arm once the controller's kicks no longer arrive.
      await().atMost(5, SECONDS).until(() -> !f.cobot.state().moving());
      CommandOutcome refused = f.driver.execute(new RobotCommand.SetOutput(0, true));
      assertTrue(refused.detail().startsWith(RejectReason.DRIVER_NOT_ACTIVE.name()), refused.detail());

      f.driver.activate();
      assertEquals(DriverState.ACTIVE, f.driver.state());
      assertEquals(Status.COMPLETED, f.driver.execute(new RobotCommand.SetOutput(1, true)).status());
    }
  }

  @Test
  void anRtdeStallPutsTheDriverInFaultAndFailsTheCommandInFlight() {
    try (CobotFixture f = CobotFixture.start().active()) {
      CommandHandle h = f.driver.submit(new RobotCommand.MoveJoints(FAR, 0.5, 1.0));
      await().atMost(5, SECONDS).until(() -> f.cobot.state().moving());
      f.cobot.stallRtde(true);
      await().atMost(5, SECONDS).until(() -> f.driver.state() == DriverState.FAULT);
      CommandOutcome o = h.outcome().orTimeout(5, SECONDS).join();
      assertEquals(Status.FAILED, o.status());
      assertTrue(o.detail().contains("no RTDE data"), o.detail());
      // The driver's fault handling sent stopj on the secondary interface, which still works.
      await().atMost(5, SECONDS).until(() -> !f.cobot.state().moving());
    }
  }

  @Test
  void aPersonApproachingDuringAMoveFirstSlowsTheArmThenStopsIt() {
    try (CobotFixture f = CobotFixture.start().active()) {
      Pose start = f.driver.status().orElseThrow().tcp();
      Pose target = new Pose(start.x() + 0.3, start.y(), start.z(), start.rx(), start.ry(), start.rz());
      f.driver.updateCellContext(io.cellpilot.robot.guard.CellContext.reading(false, 10, System.nanoTime()));
      CommandHandle h = f.driver.submit(new RobotCommand.MoveLinear(target, 0.2, 1.0));
      await().atMost(5, SECONDS).until(() -> f.cobot.state().moving());
      // 0.9 m leaves (0.9 - 1.6 * 0.4 - 0.25) / 0.25 = 0.04 m/s: 20 % of the 0.2 m/s asked for.
      f.driver.updateCellContext(io.cellpilot.robot.guard.CellContext.reading(true, 0.9, System.nanoTime()));
      await().atMost(5, SECONDS).until(() -> Math.abs(f.cobot.state().speedScaling() - 0.2) < 1e-6);
      f.driver.updateCellContext(io.cellpilot.robot.guard.CellContext.reading(true, 0.7, System.nanoTime()));
      CommandOutcome o = h.outcome().orTimeout(5, SECONDS).join();
      assertEquals(Status.FAILED, o.status());
      await().atMost(5, SECONDS).until(() -> !f.cobot.state().moving());
      assertTrue(f.driver.rejections().count(RejectReason.PERSON_TOO_CLOSE) >= 1);
    }
  }

  @Test
  void activatingARobotInProtectiveStopIsRefusedWithTheReason() {
    try (CobotFixture f = CobotFixture.start()) {
      f.driver.configure();
      f.cobot.injectProtectiveStop("test");
      await().atMost(5, SECONDS).until(() -> f.driver.status().orElseThrow().safetyMode()
          == io.cellpilot.robot.RobotModes.SafetyMode.PROTECTIVE_STOP);
      RobotException e = assertThrows(RobotException.class, f.driver::activate);
      assertTrue(e.getMessage().contains("protective stop"), e.getMessage());
      assertEquals(DriverState.INACTIVE, f.driver.state());
    }
  }
}
