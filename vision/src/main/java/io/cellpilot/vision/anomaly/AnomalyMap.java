package io.cellpilot.vision.anomaly;

/**
 * The anomaly score of one image and where it comes from.
 *
 * @param score the mean of the highest 1 % of patch scores; higher is more anomalous
 * @param heat patch scores on a {@code gridWidth x gridHeight} map over the image, row-major
 * @param defectType the known defect type the worst patch resembles (models with defect memory), else null
 */
public record AnomalyMap(double score, int gridWidth, int gridHeight, float[] heat, String defectType) {}
