package io.cellpilot.sim.machines;

/**
 * Something that draws electrical power and has a machine state. The robot's power meter follows the cobot through
 * this interface; until a cobot is attached it follows an idle arm ({@link #IDLE_ARM}).
 */
public interface ElectricalLoad {

  /** An arm standing still with brakes released: controller, drives and fans, about 120 W. */
  ElectricalLoad IDLE_ARM = new ElectricalLoad() {
    @Override
    public double activePowerKw() {
      return 0.12;
    }

    @Override
    public MachineState state() {
      return MachineState.IDLE;
    }
  };

  /** Active power drawn now, kW. Called by the simulation thread at every step: it must be cheap and not block. */
  double activePowerKw();

  MachineState state();
}
