package io.cellpilot.controller.demo;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.machines.MachineId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default health models in the demo's configuration, on the simulator's sensors over MQTT: quiet on a healthy
 * machine, an alarm for the press when its bearing wears. Ten times real speed, with the health period shortened to
 * match, so each scored sample is still one simulated second, as in training.
 */
class DemoHealthTest {
  @TempDir
  Path dir;

  @Test
  void aWearingPressBearingRaisesAnAlarmForThePressAndNothingElseAlarms() {
    List<AlarmRaised> alarms = new CopyOnWriteArrayList<>();
    // No defects, parts far apart: this test is about the machines, not the robot.
    try (DemoCell cell = DemoCell.start(DemoCellTest.HOME.resolve("deploy/cellpilot-sim.yml"), DemoCellTest.HOME,
        dir.resolve("data"), DemoSimulator.fromFile(DemoCellTest.HOME.resolve("deploy/sim.yml"), 3, 10.0)
            .line(l -> l.defectRate(0).partSpacing(4.0)).build(), 0,
        p -> p.put("cellpilot.health.period", "100ms"))) {
      cell.controller().getBean(CellEventBus.class).subscribe(e -> {
        if (e instanceof AlarmRaised a) {
          alarms.add(a);
        }
      });
      // A few windows of healthy running first (3 windows of 20 simulated seconds each), without an alarm.
      await().atMost(60, SECONDS).until(() -> cell.sim().clock().elapsed().compareTo(Duration.ofSeconds(80)) >= 0);
      assertEquals(List.of(), alarms, "alarms on healthy machines");

      cell.sim().inject(new Fault.Bearing(MachineId.PRESS, Duration.ofMinutes(3)));

      await().atMost(120, SECONDS).until(() -> alarms.stream().anyMatch(a -> a.source().equals("press")));
      assertTrue(alarms.stream().noneMatch(a -> a.source().equals("conveyor")), "conveyor alarmed: " + alarms);
    }
  }
}
