package io.cellpilot.vision.anomaly;

import java.util.List;

/**
 * Patches of labelled defects, for a model that has seen some: a test patch closer to a known defect than
 * {@code margin} gets {@code weight * (margin - distance)} added to its anomaly, and names the type. Patches far from
 * every known defect keep their plain anomaly, so defect types never seen still score as anomalies.
 *
 * @param margin the 5th percentile of good patches' distance to the defect patches: only the most defect-like 5 %
 *     of normal texture gets any boost
 */
record DefectMemory(MemoryBank bank, int[] labels, List<String> types, float margin, float weight) {

  /** The boost per patch and, for the worst patch, the type it resembles. */
  float[] boost(float[] features, int dim, int[] nearestRowOut) {
    MemoryBank.Nearest n = bank.nearest(features, dim);
    float[] out = new float[n.distances().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = weight * Math.max(0, margin - n.distances()[i]);
    }
    System.arraycopy(n.rows(), 0, nearestRowOut, 0, nearestRowOut.length);
    return out;
  }
}
