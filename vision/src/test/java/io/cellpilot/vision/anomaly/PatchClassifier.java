package io.cellpilot.vision.anomaly;

import java.util.Random;

/**
 * Experiment code (measured, not adopted: docs/vision.md). A small two-layer perceptron that tells a defect patch from a good one, trained on patches labelled by the defect
 * masks (pixel-level supervision: a few dozen masked images give thousands of labelled patches). Plain Java rather than
 * DL4J: it is a few thousand weights run on every patch of every image, where a DL4J call per image would cost more
 * than the arithmetic. Inputs are standardised with the training rows' statistics. Immutable, thread-safe.
 */
final class PatchClassifier {
  private final float[] mean;
  private final float[] std;
  private final int hidden;
  private final float[] w1; // [hidden][inputs]
  private final float[] b1;
  private final float[] w2;
  private final float b2;

  PatchClassifier(float[] mean, float[] std, int hidden, float[] w1, float[] b1, float[] w2, float b2) {
    if (w1.length != hidden * mean.length || b1.length != hidden || w2.length != hidden || std.length != mean.length) {
      throw new IllegalArgumentException("patch classifier shapes do not match: " + mean.length + " inputs, "
          + hidden + " hidden, " + w1.length + " first-layer weights");
    }
    this.mean = mean;
    this.std = std;
    this.hidden = hidden;
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
  }

  /** Training settings: hidden units, passes over the rows, Adam step size, L2 weight decay, seed. */
  record Settings(int hidden, int epochs, double learningRate, double l2, long seed) {
    static Settings defaults() {
      return new Settings(32, 12, 2e-3, 1e-4, 42);
    }
  }

  int inputs() {
    return mean.length;
  }

  int hidden() {
    return hidden;
  }

  float[] mean() {
    return mean;
  }

  float[] std() {
    return std;
  }

  float[] w1() {
    return w1;
  }

  float[] b1() {
    return b1;
  }

  float[] w2() {
    return w2;
  }

  float b2() {
    return b2;
  }

  /** The defect probability of each row of {@code rows} ({@code inputs()} values per row, row-major). */
  float[] probabilities(float[] rows) {
    int n = mean.length;
    int count = rows.length / n;
    float[] out = new float[count];
    float[] x = new float[n];
    for (int r = 0; r < count; r++) {
      for (int i = 0; i < n; i++) {
        x[i] = (rows[r * n + i] - mean[i]) / std[i];
      }
      out[r] = sigmoid(forward(x, null));
    }
    return out;
  }

  private float forward(float[] x, float[] hiddenOut) {
    int n = x.length;
    float z = b2;
    for (int h = 0; h < hidden; h++) {
      float a = b1[h];
      int base = h * n;
      for (int i = 0; i < n; i++) {
        a += w1[base + i] * x[i];
      }
      a = Math.max(0, a);
      if (hiddenOut != null) {
        hiddenOut[h] = a;
      }
      z += w2[h] * a;
    }
    return z;
  }

  private static float sigmoid(float z) {
    return (float) (1 / (1 + Math.exp(-z)));
  }

  /**
   * Trains on {@code rows} with labels {@code defect}; the two classes weigh equally in the loss whatever their counts
   * (defect patches are a few percent of all patches).
   */
  static PatchClassifier train(float[][] rows, boolean[] defect, Settings s) {
    int n = rows[0].length;
    int count = rows.length;
    float[] mean = new float[n];
    float[] std = new float[n];
    for (float[] r : rows) {
      for (int i = 0; i < n; i++) {
        mean[i] += r[i] / count;
      }
    }
    for (float[] r : rows) {
      for (int i = 0; i < n; i++) {
        std[i] += (r[i] - mean[i]) * (r[i] - mean[i]) / count;
      }
    }
    for (int i = 0; i < n; i++) {
      std[i] = (float) Math.max(Math.sqrt(std[i]), 1e-3);
    }
    int positives = 0;
    for (boolean d : defect) {
      positives += d ? 1 : 0;
    }
    if (positives == 0 || positives == count) {
      throw new IllegalArgumentException("patch classifier needs both defect and good patches, got " + positives
          + " defect of " + count);
    }
    float posWeight = 0.5f * count / positives;
    float negWeight = 0.5f * count / (count - positives);
    Random random = new Random(s.seed());
    int hidden = s.hidden();
    float[] p = new float[hidden * n + hidden + hidden + 1]; // w1, b1, w2, b2
    double scale = Math.sqrt(2.0 / n);
    for (int i = 0; i < hidden * n; i++) {
      p[i] = (float) (random.nextGaussian() * scale);
    }
    for (int h = 0; h < hidden; h++) {
      p[hidden * n + hidden + h] = (float) (random.nextGaussian() * Math.sqrt(1.0 / hidden));
    }
    Adam adam = new Adam(p.length, s.learningRate());
    float[] grad = new float[p.length];
    float[] x = new float[n];
    float[] act = new float[hidden];
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    int batch = 64;
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      shuffle(order, random);
      for (int start = 0; start < count; start += batch) {
        java.util.Arrays.fill(grad, 0);
        int end = Math.min(count, start + batch);
        for (int k = start; k < end; k++) {
          int r = order[k];
          for (int i = 0; i < n; i++) {
            x[i] = (rows[r][i] - mean[i]) / std[i];
          }
          float z = p[p.length - 1];
          for (int h = 0; h < hidden; h++) {
            float a = p[hidden * n + h];
            int base = h * n;
            for (int i = 0; i < n; i++) {
              a += p[base + i] * x[i];
            }
            act[h] = Math.max(0, a);
            z += p[hidden * n + hidden + h] * act[h];
          }
          // Weighted binary cross-entropy: d loss / d z = weight * (sigmoid(z) - y).
          float dz = (sigmoid(z) - (defect[r] ? 1 : 0)) * (defect[r] ? posWeight : negWeight) / (end - start);
          grad[p.length - 1] += dz;
          for (int h = 0; h < hidden; h++) {
            grad[hidden * n + hidden + h] += dz * act[h];
            if (act[h] > 0) {
              float da = dz * p[hidden * n + hidden + h];
              grad[hidden * n + h] += da;
              int base = h * n;
              for (int i = 0; i < n; i++) {
                grad[base + i] += da * x[i];
              }
            }
          }
        }
        for (int i = 0; i < hidden * n; i++) {
          grad[i] += (float) (s.l2() * p[i]);
        }
        adam.step(p, grad);
      }
    }
    float[] w1 = java.util.Arrays.copyOfRange(p, 0, hidden * n);
    float[] b1 = java.util.Arrays.copyOfRange(p, hidden * n, hidden * n + hidden);
    float[] w2 = java.util.Arrays.copyOfRange(p, hidden * n + hidden, hidden * n + 2 * hidden);
    return new PatchClassifier(mean, std, hidden, w1, b1, w2, p[p.length - 1]);
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Adam (Kingma and Ba 2015) with the paper's default betas. */
  private static final class Adam {
    private final float[] m;
    private final float[] v;
    private final double rate;
    private int t;

    Adam(int size, double rate) {
      this.m = new float[size];
      this.v = new float[size];
      this.rate = rate;
    }

    void step(float[] p, float[] g) {
      t++;
      double c1 = 1 - Math.pow(0.9, t);
      double c2 = 1 - Math.pow(0.999, t);
      for (int i = 0; i < p.length; i++) {
        m[i] = 0.9f * m[i] + 0.1f * g[i];
        v[i] = 0.999f * v[i] + 0.001f * g[i] * g[i];
        p[i] -= (float) (rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8));
      }
    }
  }
}
