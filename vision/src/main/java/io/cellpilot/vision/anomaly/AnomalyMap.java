package io.cellpilot.vision.anomaly;

/**
 * The anomaly score of one image and where it comes from.
 *
 * @param score the highest smoothed patch distance; higher is more anomalous
 * @param heat patch distances on a {@code gridWidth x gridHeight} map over the image, row-major
 */
public record AnomalyMap(double score, int gridWidth, int gridHeight, float[] heat) {}
