package io.cellpilot.sim.model;

import io.cellpilot.sim.line.LineState;
import io.cellpilot.sim.machines.MachineId;
import io.cellpilot.sim.machines.MachineState;
import io.cellpilot.sim.machines.MeterReading;
import java.time.Instant;
import java.util.Map;

/** Everything the PLC shows, at one simulated instant (docs/wire-contracts.md, "The PLC"). */
public record CellSnapshot(
    Instant time,
    LineState state,
    String faultText,
    boolean conveyorRunning,
    double speedSetpoint,
    double speed,
    boolean partAtInspection,
    String partId,
    boolean partAtPick,
    String pickPartId,
    long partCount,
    boolean holding,
    String heldPartId,
    double inspectionTemperature,
    double pressTemperature,
    boolean zoneOccupied,
    double personDistance,
    Map<MachineId, Machine> machines,
    MeterReading mainMeter) {

  /** One machine's state and power meter. */
  public record Machine(MachineState state, MeterReading meter) {}
}
