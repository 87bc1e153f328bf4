package io.cellpilot.vision.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * First-layer filters that need no training. DESIGNED: Gaussian smoothing and its derivatives (edges, lines, blobs in
 * four directions), the classic multi-scale local statistics of surface inspection. RANDOM: zero-mean Gaussian noise
 * filters, the "random features" baseline. Each filter has unit L2 norm.
 */
public enum FilterBank {
  DESIGNED,
  RANDOM;

  /** {@code count} filters of {@code k x k}, row-major. */
  public List<float[]> filters(int count, int k, long seed) {
    List<float[]> out = new ArrayList<>();
    if (this == RANDOM) {
      Random random = new Random(seed);
      for (int f = 0; f < count; f++) {
        float[] w = new float[k * k];
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) random.nextGaussian();
        }
        out.add(unit(zeroMean(w)));
      }
      return out;
    }
    double sigma = k / 4.0;
    List<float[]> designed = new ArrayList<>();
    designed.add(gaussianDerivative(k, sigma, 0, 0, 0));  // local brightness (stains)
    designed.add(gaussianDerivative(k, sigma, 1, 0, 0));  // vertical edge
    designed.add(gaussianDerivative(k, sigma, 0, 1, 0));  // horizontal edge
    designed.add(gaussianDerivative(k, sigma, 2, 0, 0));  // vertical line / crack
    designed.add(gaussianDerivative(k, sigma, 0, 2, 0));  // horizontal line / crack
    designed.add(gaussianDerivative(k, sigma, 1, 1, 0));  // saddle / corner
    designed.add(gaussianDerivative(k, sigma, 1, 0, Math.PI / 4)); // diagonal edge
    designed.add(gaussianDerivative(k, sigma, 2, 0, Math.PI / 4)); // diagonal line
    designed.add(gaussianDerivative(k, sigma, 2, 0, -Math.PI / 4)); // other diagonal line
    designed.add(laplacian(k, sigma)); // blob / pit / hole
    designed.add(laplacian(k, sigma / 2)); // small blob
    // Beyond the first 11 (the defaults), the same shapes at half the scale: thin lines and small edges.
    designed.add(gaussianDerivative(k, sigma / 2, 2, 0, 0)); // thin vertical line
    designed.add(gaussianDerivative(k, sigma / 2, 0, 2, 0)); // thin horizontal line
    designed.add(gaussianDerivative(k, sigma / 2, 2, 0, Math.PI / 4)); // thin diagonal line
    designed.add(gaussianDerivative(k, sigma / 2, 2, 0, -Math.PI / 4)); // thin other diagonal
    designed.add(gaussianDerivative(k, sigma / 2, 1, 0, 0)); // small vertical edge
    designed.add(gaussianDerivative(k, sigma / 2, 0, 1, 0)); // small horizontal edge
    designed.add(laplacian(k, sigma * 1.5)); // large blob
    Random random = new Random(seed);
    for (int f = 0; f < count; f++) {
      if (f < designed.size()) {
        out.add(unit(designed.get(f)));
      } else {
        float[] w = new float[k * k];
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) random.nextGaussian();
        }
        out.add(unit(zeroMean(w)));
      }
    }
    return out;
  }

  private static float[] gaussianDerivative(int k, double sigma, int orderX, int orderY, double angle) {
    float[] w = new float[k * k];
    double c = (k - 1) / 2.0;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    for (int y = 0; y < k; y++) {
      for (int x = 0; x < k; x++) {
        double u = (x - c) * cos + (y - c) * sin;
        double v = -(x - c) * sin + (y - c) * cos;
        double g = Math.exp(-(u * u + v * v) / (2 * sigma * sigma));
        w[y * k + x] = (float) (g * hermite(orderX, u, sigma) * hermite(orderY, v, sigma));
      }
    }
    return orderX + orderY == 0 ? w : zeroMean(w);
  }

  private static double hermite(int order, double t, double sigma) {
    double s2 = sigma * sigma;
    return switch (order) {
      case 0 -> 1;
      case 1 -> -t / s2;
      default -> (t * t - s2) / (s2 * s2);
    };
  }

  private static float[] laplacian(int k, double sigma) {
    float[] a = gaussianDerivative(k, sigma, 2, 0, 0);
    float[] b = gaussianDerivative(k, sigma, 0, 2, 0);
    float[] w = new float[a.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = a[i] + b[i];
    }
    return zeroMean(w);
  }

  private static float[] zeroMean(float[] w) {
    double mean = 0;
    for (float v : w) {
      mean += v;
    }
    mean /= w.length;
    for (int i = 0; i < w.length; i++) {
      w[i] -= (float) mean;
    }
    return w;
  }

  private static float[] unit(float[] w) {
    double norm = 0;
    for (float v : w) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (w[i] / Math.max(norm, 1e-9));
    }
    return w;
  }
}
