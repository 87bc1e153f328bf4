package io.cellpilot.robot.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.robot.Pose;
import io.cellpilot.robot.guard.GuardLimits;
import io.cellpilot.robot.ur.UrDriver;
import io.cellpilot.robot.ur.UrDriverConfig;
import io.cellpilot.sim.cobot.CobotConfig;
import io.cellpilot.sim.cobot.SimulatedCobot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reject pick-and-place cycle, end to end: the driver drives the simulated UR5e, which grips from the belt. */
class RejectPickRoutineTest {

  private static final double[] HOME = {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};
  // Orientation of the flange at home (tool pointing down), kept for every pose so the wrist never flips.
  private static final double RX = 2.2214415;
  private static final double RY = 2.2214415;
  private static final Pose PICK = new Pose(-0.35, -0.35, 0.15, RX, RY, 0);
  private static final Pose BIN = new Pose(-0.55, 0.15, 0.25, RX, RY, 0);

  @Test
  void twoRejectedPartsEndInTheBinWithCycleTimeAndEnergyReported() {
    BeltStandIn belt = new BeltStandIn(new double[] {PICK.x(), PICK.y(), PICK.z()},
        new double[] {-0.65, 0.05, 0}, new double[] {-0.45, 0.25, 0.4});
    try (SimulatedCobot cobot = new SimulatedCobot(CobotConfig.builder().home(HOME).partHandling(belt).build())
        .start();
        UrDriver driver = driverFor(cobot)) {
      driver.configure();
      driver.activate();
      RejectPickRoutine routine = new RejectPickRoutine(driver, belt, new PickPlaceConfig(HOME, PICK, BIN, 0.10,
          0.6, 2.0, 0.4, 1.5, 0, Duration.ofSeconds(5)).validate("cellpilot.robots.r1.reject-pick."));

      PickReport first = routine.pick("P-0001");
      PickReport second = routine.pick("P-0002");

      assertTrue(first.succeeded(), first.toString());
      assertTrue(second.succeeded(), second.toString());
      assertEquals(List.of("P-0001", "P-0002"), belt.inBin());
      assertTrue(belt.dropped().isEmpty());
      assertEquals(2, belt.releases());
      assertTrue(first.cycleTime().toMillis() > 1000, first.toString());
      // Energy comes from the robot's own voltage and current reports: positive, and of the order of base load
      // times cycle time (about 70 W while powered).
      assertTrue(first.energyJoules() > 30 * first.cycleTime().toMillis() / 1000.0, first.toString());
      assertTrue(first.energyJoules() < 400 * first.cycleTime().toMillis() / 1000.0, first.toString());
    }
  }

  @Test
  void aLineThatNeverHoldsThePartMeansNoMotionAndAReport() {
    ConveyorHandshake silentLine = new ConveyorHandshake() {
      @Override
      public java.util.concurrent.CompletableFuture<Void> requestHold(String partId) {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
      }

      @Override
      public java.util.concurrent.CompletableFuture<Void> awaitHeld(String partId, Duration timeout) {
        return new java.util.concurrent.CompletableFuture<Void>().orTimeout(timeout.toMillis(),
            java.util.concurrent.TimeUnit.MILLISECONDS);
      }

      @Override
      public java.util.concurrent.CompletableFuture<Void> release() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
      }
    };
    try (SimulatedCobot cobot = new SimulatedCobot(CobotConfig.builder().home(HOME).build()).start();
        UrDriver driver = driverFor(cobot)) {
      driver.configure();
      driver.activate();
      long scriptBytes = cobot.secondaryBytes().received();
      PickReport r = new RejectPickRoutine(driver, silentLine, new PickPlaceConfig(HOME, PICK, BIN, 0.1, 0.6, 2.0,
          0.4, 1.5, 0, Duration.ofMillis(200))).pick("P-0003");
      assertFalse(r.succeeded());
      assertEquals("hold", r.failedStep());
      assertEquals(scriptBytes, cobot.secondaryBytes().received());
    }
  }

  private static UrDriver driverFor(SimulatedCobot cobot) {
    SimulatedCobot.Endpoints e = cobot.endpoints();
    return new UrDriver(UrDriverConfig.defaults("r1", e.host())
        .withPorts(e.dashboardPort(), e.secondaryPort(), e.rtdePort())
        .withRtde(500, Duration.ofMillis(600))
        // The robot-side watchdog at 2 Hz: CI machines stall threads for 100+ ms under load.
        .withWatchdog(25, 2.0)
        .withLimits(GuardLimits.ur5eDefaults().withStatusMaxAge(Duration.ofMillis(1000))));
  }
}
