package io.cellpilot.vision.anomaly;

import java.util.List;

/**
 * Patches of labelled defects, for a model that has seen some. Two rules, stored with the memory:
 *
 * <ul>
 *   <li>{@link Rule#NEARER} (memories written now): a test patch nearer to a known defect patch than to any normal
 *       patch gets {@code weight * (normal distance - defect distance)} added to its anomaly, and names the type.
 *       Good patches lie near the normal memory, so they get nothing; no threshold is tuned.
 *   <li>{@link Rule#MARGIN} (memories written before): a patch closer to a known defect than {@code margin}, the 5th
 *       percentile of good calibration patches' distance to the defect patches, gets
 *       {@code weight * (margin - distance)}. It boosted the most defect-like 5 % of every good part as well, which
 *       cost held-out defect types their rank (measured in docs/vision.md); kept so old packages score as before.
 * </ul>
 *
 * <p>Patches far from every known defect keep their plain anomaly, so defect types never seen still score as
 * anomalies.
 */
record DefectMemory(MemoryBank bank, int[] labels, List<String> types, Rule rule, float margin, float weight) {

  enum Rule { MARGIN, NEARER }

  static DefectMemory nearer(MemoryBank bank, int[] labels, List<String> types, float weight) {
    return new DefectMemory(bank, labels, types, Rule.NEARER, 0, weight);
  }

  /** The boost per patch from its distance to the normal memory and to the nearest known defect patch. */
  float[] boost(float[] normal, float[] defect) {
    float[] out = new float[normal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = weight * Math.max(0, rule == Rule.NEARER ? normal[i] - defect[i] : margin - defect[i]);
    }
    return out;
  }

  /** Whether a patch at these distances resembles the known defect (and so is named after it). */
  boolean resembles(float defect, float normal) {
    return rule == Rule.NEARER ? defect < normal : defect < margin;
  }
}
