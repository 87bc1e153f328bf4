package io.cellpilot.sim.cell;

import java.util.Optional;

/**
 * What the simulated cobot's gripper can do to parts in the cell. The conveyor model implements it (it knows where
 * the pick position and the reject bin are in the robot's base frame); the cobot calls it when its gripper closes or
 * opens. Positions are the tool centre point in metres, robot base frame.
 */
public interface PartHandling {

  /** Nothing to pick anywhere: a cobot on its own, without a conveyor. */
  PartHandling NONE = new PartHandling() {
    @Override
    public Optional<String> grip(double x, double y, double z) {
      return Optional.empty();
    }

    @Override
    public void release(String partId, double x, double y, double z) {}
  };

  /** The gripper closed here; returns the id of the part it now holds, empty when there was none within reach. */
  Optional<String> grip(double x, double y, double z);

  /** The gripper opened here while holding {@code partId}: the part lands in the bin, or is dropped elsewhere. */
  void release(String partId, double x, double y, double z);
}
