package io.cellpilot.controller.wiring;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.plc.Plcs;
import io.cellpilot.controller.robot.RobotFleet;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.Quality;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.RobotStateChanged;
import io.cellpilot.robot.RobotDriver;
import io.cellpilot.opcua.client.ConnectionState;
import io.cellpilot.opcua.client.ConnectionStatus;
import io.cellpilot.robot.CommandOutcome;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.sim.faults.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PLC restarts mid-run (the simulator stops its OPC UA server for five seconds and starts it again with fresh
 * state): every PLC tag turns BAD at once, no part is passed or rejected on stale data meanwhile, the robot refuses
 * motion because its zone sensor reading ages, and everything recovers on its own. And the zone sensor's reading,
 * when fresh, slows the robot down while a person is near (an additional measure, not a safety function).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlcRestartTest {
  private static final List<String> PLC_TAGS = List.of("plc.part-id", "plc.part-at-inspection", "plc.line-state",
      "plc.zone-occupied", "plc.pick-holding");

  @TempDir
  static Path dir;
  static WiredCell cell;

  @BeforeAll
  static void start() throws Exception {
    // Threshold 2: every part passes, so the robot stays home and free for the motion check below.
    cell = new WiredCell(dir, 33, 2.0, p -> { });
  }

  @AfterAll
  static void stop() {
    if (cell != null) {
      cell.close();
    }
  }

  @Test
  @Order(1)
  void aPersonNearTheRobotSlowsItsMovesDownThroughTheZoneSensorTags() {
    CellState state = cell.bean(CellState.class);
    RobotControl robot = cell.bean(RobotControl.class);
    await().atMost(60, SECONDS).until(() -> robot.status().ready());
    cell.sim.inject(new Fault.PersonInZone(Duration.ofSeconds(20), 0.95));
    await().atMost(20, SECONDS).until(() -> state.read("plc.person-distance").fresh()
        && ((Double) state.read("plc.person-distance").value().orElseThrow()) < 1.0);
    // At 0.95 m the guard allows about 0.24 m/s of tool speed; a base turn at 0.8 rad/s drives the tool at 0.4 m/s.
    RobotDriver driver = cell.bean(RobotFleet.class).unit("r1").orElseThrow().driver();
    double[] home = {0, -1.5708, 1.5708, -1.5708, -1.5708, 0};
    double[] turned = home.clone();
    turned[0] = 0.6;
    CommandOutcome there = driver.execute(new RobotCommand.MoveJoints(turned, 0.8, 2.0));
    CommandOutcome back = driver.execute(new RobotCommand.MoveJoints(home, 0.8, 2.0));
    assertEquals(CommandOutcome.Status.COMPLETED, there.status(), there.toString());
    assertEquals(CommandOutcome.Status.COMPLETED, back.status(), back.toString());
    assertTrue(cell.events(RobotStateChanged.class).stream().anyMatch(e -> e.speedScaling() < 0.9),
        "the robot reported a reduced speed while the person was near");
    await().atMost(30, SECONDS).until(() -> state.read("plc.person-distance").fresh()
        && ((Double) state.read("plc.person-distance").value().orElseThrow()) > 5);
  }

  @Test
  @Order(2)
  void aPlcRestartMakesEveryTagBadNoPartIsActedOnMeanwhileAndTheCellRecoversOnItsOwn() {
    CellState state = cell.bean(CellState.class);
    RobotControl robot = cell.bean(RobotControl.class);
    await().atMost(60, SECONDS).until(() -> robot.status().ready()
        && cell.events(PartInspected.class).stream().anyMatch(p -> p.action() == PartInspected.Action.PASS));

    // The gateway's own account of the outage: from the session's loss to its return.
    List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
    cell.bean(Plcs.class).client("plc").onStatus(statuses::add);
    cell.sim.inject(new Fault.PlcRestart(Duration.ofSeconds(5)));
    await().atMost(10, SECONDS).until(() -> PLC_TAGS.stream().allMatch(t -> state.read(t).last() != null
        && state.read(t).last().quality() == Quality.BAD));
    // Never the last good value: every tag is BAD at once, and decisions that need them refuse.
    for (String tag : PLC_TAGS) {
      TagReading r = state.read(tag);
      assertFalse(r.fresh(), r.toString());
      assertTrue(r.value().isEmpty(), r.toString());
    }
    await().atMost(10, SECONDS).until(() -> cell.events(LineStateChanged.class).stream()
        .reduce((a, b) -> b).orElseThrow().state().equals("UNKNOWN"));
    // The zone reading ages past its max age: the guard refuses motion, and the robot is not ready for picks.
    await().atMost(10, SECONDS).until(() -> robot.status().detail().contains("zone sensor"));
    RobotFleet fleet = cell.bean(RobotFleet.class);
    CommandOutcome refused = fleet.unit("r1").orElseThrow().driver().execute(new RobotCommand.MoveJoints(
        new double[] {0.1, -1.5708, 1.5708, -1.5708, -1.5708, 0}, 0.3, 1.0));
    assertEquals(CommandOutcome.Status.REJECTED, refused.status(), refused.toString());
    assertTrue(refused.detail().startsWith("CELL_CONTEXT_STALE"), refused.detail());

    await().atMost(60, SECONDS).until(() -> PLC_TAGS.stream().allMatch(t -> state.read(t).fresh()));
    Instant lost = statuses.stream().filter(s -> s.state() == ConnectionState.RECONNECTING).findFirst()
        .orElseThrow().since();
    Instant back = statuses.stream().filter(s -> s.state() == ConnectionState.CONNECTED && s.since().isAfter(lost))
        .findFirst().orElseThrow().since();
    await().atMost(30, SECONDS).until(() -> robot.status().ready());
    await().atMost(10, SECONDS).until(() -> cell.events(LineStateChanged.class).stream()
        .reduce((a, b) -> b).orElseThrow().state().equals("RUNNING"));
    // Parts flow and are judged again after the restart...
    await().atMost(60, SECONDS).until(() -> cell.events(PartInspected.class).stream()
        .anyMatch(p -> p.time().isAfter(back) && p.action() == PartInspected.Action.PASS));
    // ...and none was passed or rejected while the PLC's tags were BAD.
    List<PartInspected> actedOn = cell.events(PartInspected.class).stream()
        .filter(p -> p.action() != PartInspected.Action.REVIEW)
        // A decision that read its tags just before the loss is recorded a moment later: 50 ms of grace.
        .filter(p -> p.time().isAfter(lost.plusMillis(50)) && p.time().isBefore(back))
        .toList();
    assertEquals(List.of(), actedOn, "parts acted on during the outage " + Map.of("lost", lost, "back", back));
  }
}
