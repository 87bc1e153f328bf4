package io.cellpilot.sim.model;

import io.cellpilot.sim.faults.FaultRecord;
import io.cellpilot.sim.line.PartSpec;
import io.cellpilot.sim.machines.MeterReading;
import java.time.Instant;

/**
 * What the model tells the cell's devices. Called on the simulation thread while the model is locked: hand work off
 * (image rendering, network I/O) and return quickly.
 */
public interface CellListener {

  default void partEntered(PartSpec part, Instant at) {}

  /** A part's centre passed under the camera: time to take its picture. */
  default void partAtCamera(PartSpec part, Instant at) {}

  default void sensor(SensorMessage message) {}

  /** A power meter reading; {@code meter} is {@code main} or a machine key. */
  default void meter(String meter, Instant at, MeterReading reading) {}

  /** The PLC's periodic copy of the cell's state. */
  default void snapshot(CellSnapshot snapshot) {}

  default void faultStarted(FaultRecord fault) {}

  default void faultEnded(FaultRecord fault) {}
}
