package io.cellpilot.sim;

import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.faults.FaultRecord;
import io.cellpilot.sim.line.PartSpec;
import io.cellpilot.sim.machines.MeterReading;
import io.cellpilot.sim.model.CellListener;
import io.cellpilot.sim.model.CellSnapshot;
import io.cellpilot.sim.model.SensorMessage;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes what the model says to the cell's protocol devices: PLC variables, MQTT sensors and meters, the camera. */
final class Devices implements CellListener {
  private static final Logger log = LoggerFactory.getLogger(Devices.class);

  private final SimulatedCell cell;

  Devices(SimulatedCell cell) {
    this.cell = cell;
  }

  @Override
  public void partAtCamera(PartSpec part, Instant at) {
    if (cell.camera() != null) {
      cell.camera().capture(part, at);
    }
  }

  @Override
  public void sensor(SensorMessage message) {
    cell.devices().sensor(message);
  }

  @Override
  public void meter(String meter, Instant at, MeterReading reading) {
    cell.devices().meter(meter, at, reading);
  }

  @Override
  public void snapshot(CellSnapshot snapshot) {
    if (cell.plc() != null) {
      cell.plc().update(snapshot);
    }
  }

  @Override
  public void faultStarted(FaultRecord fault) {
    log.info("[faults] {} on {} started at {} (simulated)", fault.kind(), fault.target(), fault.simStart());
    if (fault.fault() instanceof Fault.PlcRestart) {
      cell.plcDown();
    }
  }

  @Override
  public void faultEnded(FaultRecord fault) {
    log.info("[faults] {} on {} ended at {} (simulated)", fault.kind(), fault.target(), fault.simEnd());
    if (fault.fault() instanceof Fault.PlcRestart) {
      cell.plcUp();
    }
  }
}
