package io.cellpilot.vision.eval;

import java.util.Map;

/**
 * What {@code cellpilot evaluate} writes as JSON (a script reads it; keep names stable).
 *
 * @param imageAuroc area under the ROC of image scores, defects vs good
 * @param pixelAuroc over all pixels of the test images (good images count as all-normal), null without masks or heat
 *     maps
 * @param threshold the threshold chosen from this data (best F1); {@code storedThreshold} is the package's
 * @param confusion {@code [[good called good, good called defect], [defect called good, defect called defect]]} at
 *     {@code threshold}
 * @param labelConfusion for classifiers: actual type -> predicted label -> count
 * @param perType per defect type: its images against all good images
 * @param refused images the engine refused (NO_PART: no part or no clear mark to register by); counted as called
 *     defective with an infinite score, since the line holds such a part
 */
public record EvaluationReport(
    String model,
    String version,
    String kind,
    String dataset,
    int images,
    int excludedAsTrained,
    double imageAuroc,
    Double pixelAuroc,
    double threshold,
    String thresholdRule,
    double storedThreshold,
    double precision,
    double recall,
    double f1,
    double precisionAtStored,
    double recallAtStored,
    long[][] confusion,
    Map<String, Map<String, Long>> labelConfusion,
    Map<String, TypeMetrics> perType,
    int refused) {

  /** Figures of one defect type. */
  public record TypeMetrics(int images, double imageAuroc, Double pixelAuroc, double threshold, double recall,
      double recallAtStored) {}
}
