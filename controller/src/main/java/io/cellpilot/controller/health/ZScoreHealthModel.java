package io.cellpilot.controller.health;

import java.time.Instant;

/**
 * The built-in detector used until a trained health model is configured: it learns each sensor's mean and spread
 * over a probation period, then scores a window as the largest distance from the mean in standard deviations. It
 * stops learning after probation on purpose, so a slow drift keeps growing its score instead of becoming normal.
 */
public final class ZScoreHealthModel implements HealthModel {
  private final int probation;
  private int n;
  private double[] mean;
  private double[] m2;

  public ZScoreHealthModel(int probationSamples) {
    this.probation = probationSamples;
  }

  @Override
  public double observe(Instant time, double[] values) {
    if (mean == null) {
      mean = new double[values.length];
      m2 = new double[values.length];
    }
    if (values.length != mean.length) {
      throw new IllegalArgumentException("expected " + mean.length + " values, got " + values.length);
    }
    if (n < probation) {
      n++;
      for (int i = 0; i < values.length; i++) {
        // Welford's online mean and variance.
        double delta = values[i] - mean[i];
        mean[i] += delta / n;
        m2[i] += delta * (values[i] - mean[i]);
      }
      return Double.NaN;
    }
    double worst = 0;
    for (int i = 0; i < values.length; i++) {
      double std = Math.sqrt(m2[i] / Math.max(1, n - 1));
      // A sensor that never moved during probation still needs a finite scale.
      double scale = Math.max(std, Math.max(1e-3 * Math.abs(mean[i]), 1e-9));
      worst = Math.max(worst, Math.abs(values[i] - mean[i]) / scale);
    }
    return worst;
  }
}
