package io.cellpilot.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.time.SimClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CellModelDeterminismTest {

  static final Instant EPOCH = Instant.parse("2026-01-01T06:00:00Z");

  static RecordingListener run(long seed, Duration simulated) {
    SimConfig config = SimConfig.forTests(seed).line(l -> l.defectRate(0.3)).build();
    RecordingListener out = new RecordingListener();
    SimClock clock = new SimClock(EPOCH, config.time().step(), 1);
    CellModel model = new CellModel(config, clock, Clock.systemUTC(), out);
    long steps = simulated.toNanos() / clock.stepNanos();
    for (long i = 0; i < steps; i++) {
      model.step();
    }
    return out;
  }

  @Test
  void sameSeedGivesTheSamePartsDefectsAndSensorValuesOverTenSimulatedMinutes() {
    RecordingListener a = run(42, Duration.ofMinutes(10));
    RecordingListener b = run(42, Duration.ofMinutes(10));

    // 0.2 m/s with a part every 0.4 m: about one part every two seconds.
    assertTrue(a.parts.size() > 250 && a.parts.size() < 320, "parts: " + a.parts.size());
    assertEquals(a.parts, b.parts);
    assertEquals(a.camera, b.camera);
    assertEquals(a.sensors, b.sensors);
    assertEquals(a.meters, b.meters);
  }

  @Test
  void differentSeedsGiveDifferentPartsAndSensorValues() {
    RecordingListener a = run(42, Duration.ofMinutes(2));
    RecordingListener b = run(43, Duration.ofMinutes(2));

    assertNotEquals(a.parts, b.parts);
    assertNotEquals(a.sensors, b.sensors);
  }
}
