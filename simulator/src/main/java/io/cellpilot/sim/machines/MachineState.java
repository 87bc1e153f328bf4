package io.cellpilot.sim.machines;

/** What a machine is doing; its power draw follows it. The names are the PLC's {@code Machines/<M>/State} texts. */
public enum MachineState {
  IDLE,
  ACCELERATING,
  RUNNING,
  FAULTED
}
