package io.cellpilot.controller.inspection;

/** What the controller does with an inspected part. */
public enum Action {
  /** Good part: let it pass. */
  PASS,
  /** Defective part: the robot picks it to the reject bin. */
  REJECT,
  /** Score too close to the threshold to guess: an operator decides. */
  REVIEW,
  /** The controller may not act (stale data, no model, robot not ready, paused): an operator takes the part. */
  HOLD
}
