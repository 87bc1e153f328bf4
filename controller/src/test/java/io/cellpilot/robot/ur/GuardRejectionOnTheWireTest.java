package io.cellpilot.robot.ur;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.robot.CommandOutcome;
import io.cellpilot.robot.Pose;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.RobotModes.ProgramState;
import io.cellpilot.robot.RobotModes.RobotMode;
import io.cellpilot.robot.RobotModes.SafetyMode;
import io.cellpilot.robot.guard.Box;
import io.cellpilot.robot.guard.CellContext;
import io.cellpilot.robot.guard.GuardLimits;
import io.cellpilot.robot.guard.RejectReason;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every rejection reason, on a real link: the command comes back REJECTED with that reason, is counted, and the
 * simulated robot received zero bytes for it on the secondary interface (URScript) and the dashboard.
 */
class GuardRejectionOnTheWireTest {

  private static final double[] HOME = CobotFixture.HOME;
  private static final double[] FAR = {1.2, -1.2, 1.2, -1.9, -1.5, 0.8};

  @Test
  void everyRejectReasonHasAWireTestNamedAfterIt() {
    Set<String> methods = new java.util.HashSet<>();
    for (java.lang.reflect.Method m : getClass().getDeclaredMethods()) {
      methods.add(m.getName());
    }
    for (RejectReason r : RejectReason.values()) {
      String camel = java.util.Arrays.stream(r.name().toLowerCase(java.util.Locale.ROOT).split("_"))
          .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
          .reduce("", String::concat);
      String name = Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
      assertTrue(methods.contains(name), "no wire test for " + r + " (expected a method " + name + ")");
    }
  }

  @Test
  void driverNotActive() {
    try (CobotFixture f = CobotFixture.start()) {
      f.driver.configure();
      assertRejectedSilently(f, new RobotCommand.MoveJoints(HOME, 0.5, 1.0), RejectReason.DRIVER_NOT_ACTIVE);
    }
  }

  @Test
  void robotStatusStale() {
    try (CobotFixture f = CobotFixture.start(io.cellpilot.sim.cell.PartHandling.NONE,
        c -> c.withRtde(500, Duration.ofSeconds(5))
            .withLimits(GuardLimits.ur5eDefaults().withStatusMaxAge(Duration.ofMillis(100)))).active()) {
      f.cobot.stallRtde(true);
      await().atMost(5, SECONDS).until(() -> System.nanoTime() - f.driver.status().orElseThrow().receivedNanos()
          > 200_000_000L);
      assertRejectedSilently(f, new RobotCommand.MoveJoints(HOME, 0.5, 1.0), RejectReason.ROBOT_STATUS_STALE);
    }
  }

  @Test
  void robotNotRunning() throws Exception {
    try (CobotFixture f = CobotFixture.start().active()) {
      dashboard(f, "power off"); // someone at the teach pendant
      await().atMost(5, SECONDS).until(() -> f.driver.status().orElseThrow().robotMode() == RobotMode.POWER_OFF);
      assertRejectedSilently(f, new RobotCommand.MoveJoints(HOME, 0.5, 1.0), RejectReason.ROBOT_NOT_RUNNING);
    }
  }

  @Test
  void protectiveStop() {
    try (CobotFixture f = CobotFixture.start().active()) {
      f.cobot.injectProtectiveStop("test");
      await().atMost(5, SECONDS).until(() -> f.driver.status().orElseThrow().safetyMode()
          == SafetyMode.PROTECTIVE_STOP);
      assertRejectedSilently(f, new RobotCommand.SetOutput(0, true), RejectReason.PROTECTIVE_STOP);
    }
  }

  @Test
  void safetyStop() {
    try (CobotFixture f = CobotFixture.start().active()) {
      f.cobot.injectSafeguardStop(true);
      await().atMost(5, SECONDS).until(() -> f.driver.status().orElseThrow().safetyMode()
          == SafetyMode.SAFEGUARD_STOP);
      assertRejectedSilently(f, new RobotCommand.MoveJoints(HOME, 0.5, 1.0), RejectReason.SAFETY_STOP);
    }
  }

  @Test
  void programNotReady() throws Exception {
    try (CobotFixture f = CobotFixture.start().active()) {
      f.driver.submit(new RobotCommand.MoveJoints(FAR, 0.3, 1.0));
      await().atMost(5, SECONDS).until(() -> f.cobot.state().moving());
      dashboard(f, "pause");
      await().atMost(5, SECONDS).until(() -> f.driver.status().orElseThrow().programState() == ProgramState.PAUSED);
      assertRejectedSilently(f, new RobotCommand.SetOutput(0, true), RejectReason.PROGRAM_NOT_READY);
    }
  }

  @Test
  void robotBusy() {
    try (CobotFixture f = CobotFixture.start().active()) {
      f.driver.submit(new RobotCommand.MoveJoints(FAR, 0.3, 1.0)).acknowledged().orTimeout(5, SECONDS).join();
      assertRejectedSilently(f, new RobotCommand.SetOutput(0, true), RejectReason.ROBOT_BUSY);
    }
  }

  @Test
  void notFinite() {
    try (CobotFixture f = CobotFixture.start().active()) {
      assertRejectedSilently(f, new RobotCommand.MoveJoints(new double[] {0, -1.5, Double.NaN, -1.5, -1.5, 0}, 0.5,
          1.0), RejectReason.NOT_FINITE);
    }
  }

  @Test
  void jointLimit() {
    try (CobotFixture f = CobotFixture.start().active()) {
      assertRejectedSilently(f, new RobotCommand.MoveJoints(new double[] {0, -1.5, 3.12, -1.5, -1.5, 0}, 0.5, 1.0),
          RejectReason.JOINT_LIMIT);
    }
  }

  @Test
  void jointSpeed() {
    try (CobotFixture f = CobotFixture.start().active()) {
      assertRejectedSilently(f, new RobotCommand.MoveJoints(FAR, 2.5, 1.0), RejectReason.JOINT_SPEED);
    }
  }

  @Test
  void jointAcceleration() {
    try (CobotFixture f = CobotFixture.start().active()) {
      assertRejectedSilently(f, new RobotCommand.MoveJoints(FAR, 0.5, 25), RejectReason.JOINT_ACCELERATION);
    }
  }

  @Test
  void tcpSpeed() {
    try (CobotFixture f = CobotFixture.start().active()) {
      assertRejectedSilently(f, new RobotCommand.MoveLinear(tcp(f, 0.1, 0, 0), 1.2, 1.0), RejectReason.TCP_SPEED);
    }
  }

  @Test
  void tcpAcceleration() {
    try (CobotFixture f = CobotFixture.start().active()) {
      assertRejectedSilently(f, new RobotCommand.MoveLinear(tcp(f, 0.1, 0, 0), 0.2, 8.0),
          RejectReason.TCP_ACCELERATION);
    }
  }

  @Test
  void workspace() {
    try (CobotFixture f = CobotFixture.start().active()) {
      assertRejectedSilently(f, new RobotCommand.MoveLinear(tcp(f, 0, 0, -0.6), 0.2, 1.0), RejectReason.WORKSPACE);
    }
  }

  @Test
  void forbiddenZone() {
    UnaryOperator<UrDriverConfig> withZone = c -> c.withLimits(c.limits()
        .withForbiddenZones(Map.of("feeder", new Box(-0.45, -0.2, 0.3, -0.35, 0.0, 0.6))));
    try (CobotFixture f = CobotFixture.start(io.cellpilot.sim.cell.PartHandling.NONE, withZone).active()) {
      // Home is at x = -0.49: a straight move to x = -0.30 crosses the zone's slab at x = -0.45 .. -0.35.
      assertRejectedSilently(f, new RobotCommand.MoveLinear(tcp(f, 0.19, 0, 0), 0.2, 1.0),
          RejectReason.FORBIDDEN_ZONE);
    }
  }

  @Test
  void outputNotAllowed() {
    try (CobotFixture f = CobotFixture.start().active()) {
      assertRejectedSilently(f, new RobotCommand.SetOutput(7, true), RejectReason.OUTPUT_NOT_ALLOWED);
    }
  }

  @Test
  void personTooClose() {
    try (CobotFixture f = CobotFixture.start().active()) {
      f.driver.updateCellContext(CellContext.reading(true, 0.6, System.nanoTime()));
      assertRejectedSilently(f, new RobotCommand.MoveLinear(tcp(f, 0.1, 0, 0), 0.2, 1.0),
          RejectReason.PERSON_TOO_CLOSE);
    }
  }

  @Test
  void cellContextStale() {
    try (CobotFixture f = CobotFixture.start().active()) {
      f.driver.updateCellContext(CellContext.reading(false, 10, System.nanoTime() - 5_000_000_000L));
      assertRejectedSilently(f, new RobotCommand.MoveLinear(tcp(f, 0.1, 0, 0), 0.2, 1.0),
          RejectReason.CELL_CONTEXT_STALE);
    }
  }

  private static Pose tcp(CobotFixture f, double dx, double dy, double dz) {
    Pose p = f.driver.status().orElseThrow().tcp();
    return new Pose(p.x() + dx, p.y() + dy, p.z() + dz, p.rx(), p.ry(), p.rz());
  }

  private static void assertRejectedSilently(CobotFixture f, RobotCommand command, RejectReason reason) {
    long script = f.cobot.secondaryBytes().received();
    long dashboard = f.cobot.dashboardBytes().received();
    long counted = f.driver.rejections().count(reason);
    CommandOutcome o = f.driver.execute(command);
    assertEquals(CommandOutcome.Status.REJECTED, o.status(), o.detail());
    assertTrue(o.detail().startsWith(reason.name() + ":"), o.detail());
    assertEquals(counted + 1, f.driver.rejections().count(reason));
    assertEquals(0, o.sentNanos());
    assertEquals(script, f.cobot.secondaryBytes().received(), "URScript bytes sent for a rejected command");
    assertEquals(dashboard, f.cobot.dashboardBytes().received(), "dashboard bytes sent for a rejected command");
  }

  /** A second dashboard client, as an operator's tool would be. */
  private static void dashboard(CobotFixture f, String command) throws Exception {
    try (Socket s = new Socket(f.cobot.endpoints().host(), f.cobot.endpoints().dashboardPort())) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = s.getOutputStream();
      in.readLine();
      out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      in.readLine();
    }
  }
}
