package io.cellpilot.vision.anomaly;

import io.cellpilot.vision.image.Preprocessing.Input;

/**
 * Per-image photometric normalisation before the features: subtract the local mean brightness and divide by the
 * local contrast, both over a {@code (2r+1)^2} box. Uneven lighting and the tiles' large bright and dark zones then
 * look alike to the memory bank, while a defect smaller than the box keeps its contrast. Box sums use an integral
 * image, so the cost does not depend on {@code r}.
 */
final class Illumination {
  /** Below this local spread (in units of the image's own spread) contrast is not amplified further. */
  static final float MIN_SPREAD = 0.5f;

  private Illumination() {}

  static Input flatten(Input in, int r) {
    if (r <= 0) {
      return in;
    }
    int w = in.width();
    int h = in.height();
    float[] v = in.values();
    double[] sum = new double[(w + 1) * (h + 1)];
    double[] sq = new double[(w + 1) * (h + 1)];
    for (int y = 0; y < h; y++) {
      double rowSum = 0;
      double rowSq = 0;
      for (int x = 0; x < w; x++) {
        double p = v[y * w + x];
        rowSum += p;
        rowSq += p * p;
        sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + rowSum;
        sq[(y + 1) * (w + 1) + x + 1] = sq[y * (w + 1) + x + 1] + rowSq;
      }
    }
    float[] out = new float[v.length];
    for (int y = 0; y < h; y++) {
      int y0 = Math.max(0, y - r);
      int y1 = Math.min(h, y + r + 1);
      for (int x = 0; x < w; x++) {
        int x0 = Math.max(0, x - r);
        int x1 = Math.min(w, x + r + 1);
        double n = (double) (y1 - y0) * (x1 - x0);
        double s = box(sum, w, x0, y0, x1, y1);
        double q = box(sq, w, x0, y0, x1, y1);
        double mean = s / n;
        double spread = Math.sqrt(Math.max(0, q / n - mean * mean));
        out[y * w + x] = (float) ((v[y * w + x] - mean) / Math.max(spread, MIN_SPREAD));
      }
    }
    return new Input(w, h, out);
  }

  private static double box(double[] integral, int w, int x0, int y0, int x1, int y1) {
    int stride = w + 1;
    return integral[y1 * stride + x1] - integral[y0 * stride + x1] - integral[y1 * stride + x0]
        + integral[y0 * stride + x0];
  }
}
