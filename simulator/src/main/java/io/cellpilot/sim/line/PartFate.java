package io.cellpilot.sim.line;

/** Where a part ended up; the ground truth for scoring the controller's decisions. */
public enum PartFate {
  /** Still travelling on the belt. */
  ON_BELT,
  /** Left the end of the line as a good part. */
  PASSED,
  /** In the robot's gripper. */
  GRIPPED,
  /** Released over the reject bin: rejected. */
  IN_BIN,
  /** Released anywhere but over the bin. */
  DROPPED
}
