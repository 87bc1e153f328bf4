package io.cellpilot.robot.ur;

import io.cellpilot.robot.guard.GuardLimits;
import io.cellpilot.sim.cell.PartHandling;
import io.cellpilot.sim.cobot.CobotConfig;
import io.cellpilot.sim.cobot.SimulatedCobot;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A simulated UR5e on free loopback ports and a UR driver connected to it, for one test. */
final class CobotFixture implements AutoCloseable {

  static final double[] HOME = {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};

  final SimulatedCobot cobot;
  final UrDriver driver;

  private CobotFixture(SimulatedCobot cobot, UrDriver driver) {
    this.cobot = cobot;
    this.driver = driver;
  }

  static CobotFixture start() {
    return start(PartHandling.NONE, c -> c);
  }

  static CobotFixture start(PartHandling parts, UnaryOperator<UrDriverConfig> tune) {
    SimulatedCobot cobot = new SimulatedCobot(CobotConfig.builder()
        .home(HOME)
        .partHandling(parts)
        .protectiveStopUnlockDelay(Duration.ofMillis(300))
        .build()).start();
    SimulatedCobot.Endpoints e = cobot.endpoints();
    // Generous timeouts: the build machine is shared and loaded; faults in these tests are total, not marginal.
    UrDriverConfig config = UrDriverConfig.defaults("r1", e.host())
        .withPorts(e.dashboardPort(), e.secondaryPort(), e.rtdePort())
        .withRtde(500, Duration.ofMillis(600))
        // The robot-side watchdog at 2 Hz: CI machines stall threads for 100+ ms under load.
        .withWatchdog(25, 2.0)
        .withLimits(GuardLimits.ur5eDefaults().withStatusMaxAge(Duration.ofMillis(1000)));
    UrDriver driver = new UrDriver(tune.apply(config));
    return new CobotFixture(cobot, driver);
  }

  /** configure() and activate(): the robot is powered, brakes released, the driver ACTIVE. */
  CobotFixture active() {
    driver.configure();
    driver.activate();
    return this;
  }

  @Override
  public void close() {
    driver.close();
    cobot.close();
  }
}
