package io.cellpilot.vision.engine;

/**
 * Where the model saw the defect: values on a coarse grid over the whole image, scaled so that 1.0 is the decision
 * threshold (above 1 means "defective here").
 */
public record HeatMap(int width, int height, float[] values) {
  public float at(int x, int y) {
    return values[y * width + x];
  }
}
