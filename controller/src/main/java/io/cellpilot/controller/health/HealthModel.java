package io.cellpilot.controller.health;

import java.time.Instant;

/**
 * The seam the vision library's machine-health detector plugs into: one window of a machine's sensor values in, an
 * anomaly score out (higher is worse). Called from one thread per machine, in time order.
 */
public interface HealthModel {

  /** @return the score, or NaN while the detector is still learning what normal looks like */
  double observe(Instant time, double[] values);
}
