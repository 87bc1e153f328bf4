package io.cellpilot.sim.plc;

import io.cellpilot.sim.line.Outcome;
import io.cellpilot.sim.model.CellModel;

/** What the PLC's methods and writable variables do to the line. */
public interface PlcControl {

  Outcome start();

  Outcome stop();

  Outcome reset();

  Outcome requestStop(String partId);

  Outcome release();

  /** A new belt speed setpoint, already checked against the line's limits, m/s. */
  void setSpeedSetpoint(double metresPerSecond);

  /** The PLC controlling the simulated cell's model. */
  static PlcControl of(CellModel model) {
    return new PlcControl() {
      @Override
      public Outcome start() {
        return model.start();
      }

      @Override
      public Outcome stop() {
        return model.stop();
      }

      @Override
      public Outcome reset() {
        return model.reset();
      }

      @Override
      public Outcome requestStop(String partId) {
        return model.requestStop(partId);
      }

      @Override
      public Outcome release() {
        return model.release();
      }

      @Override
      public void setSpeedSetpoint(double metresPerSecond) {
        model.setSpeedSetpoint(metresPerSecond);
      }
    };
  }
}
