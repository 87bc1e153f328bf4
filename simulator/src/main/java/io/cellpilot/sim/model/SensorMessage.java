package io.cellpilot.sim.model;

import io.cellpilot.sim.faults.SensorKey;
import io.cellpilot.sim.machines.MachineId;
import java.time.Instant;

/** What a health sensor sends at one sample time, after its faults: a value, a raw window, or a malformed message. */
public sealed interface SensorMessage {

  Instant time();

  /** The machine whose sensor this is. */
  MachineId machine();

  /** A scalar reading in the quantity's unit. */
  record Value(SensorKey sensor, Instant time, double value) implements SensorMessage {
    public MachineId machine() {
      return sensor.machine();
    }
  }

  /** One raw vibration window, g, sampled at {@code sampleRateHz}. */
  record Window(MachineId machine, Instant time, double sampleRateHz, float[] values) implements SensorMessage {}

  /**
   * A message the sensor garbles (a malformed-json fault); {@code variant} picks how, {@code raw} whether it was a
   * raw window.
   */
  record Malformed(SensorKey sensor, boolean raw, Instant time, int variant) implements SensorMessage {
    public MachineId machine() {
      return sensor.machine();
    }
  }
}
