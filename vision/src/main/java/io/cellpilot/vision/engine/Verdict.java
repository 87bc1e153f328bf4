package io.cellpilot.vision.engine;

/**
 * The engine's answer for one part image.
 *
 * @param label {@code good}, or the defect type (the classifier's best defect class; {@code defect} for the
 *     unsupervised model, which does not name types)
 * @param defective {@code score >= threshold}
 * @param score higher means more likely defective; compare only with this model's threshold
 * @param heatMap where the model looked, null when the model has none
 * @param modelVersion the package's version
 * @param latencyNanos from submission to answer, queueing included
 * @param batchSize how many images shared the network call
 */
public record Verdict(
    String label,
    boolean defective,
    double score,
    double threshold,
    HeatMap heatMap,
    String modelVersion,
    long latencyNanos,
    int batchSize) {}
