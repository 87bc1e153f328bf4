package io.cellpilot.sim.machines;

import java.util.SplittableRandom;

/**
 * One window of raw accelerometer samples (g) consistent with a machine's drive condition: the shaft's first three
 * harmonics carry the vibration velocity, and a damaged bearing adds impacts at its outer-race defect frequency
 * (BPFO, here 3.57 x shaft speed) that ring a structural resonance: the classic envelope-analysis signature.
 */
public final class VibrationWindow {
  private static final double G = 9.81;
  private static final double BPFO_RATIO = 3.57;
  private static final double[] HARMONIC_SHARE = {0.7, 0.2, 0.1};

  private VibrationWindow() {}

  /** {@code n} samples at {@code sampleRateHz}; {@code noise} supplies phases and sensor noise. */
  public static float[] generate(HealthTruth truth, int n, double sampleRateHz, SplittableRandom noise) {
    float[] out = new float[n];
    double dt = 1 / sampleRateHz;
    double f1 = truth.shaftHz();
    double s = truth.bearingSeverity();
    double[] phase = {noise.nextDouble() * 2 * Math.PI, noise.nextDouble() * 2 * Math.PI,
        noise.nextDouble() * 2 * Math.PI};
    double impactPhase = noise.nextDouble();
    double resonance = 0.3 * sampleRateHz;
    double sigma = 0.004 + 0.02 * s;
    for (int i = 0; i < n; i++) {
      double t = i * dt;
      double a = 0;
      if (f1 > 0.5) {
        for (int k = 0; k < 3; k++) {
          double f = (k + 1) * f1;
          double velocityRms = truth.vibrationRms() / 1000 * Math.sqrt(HARMONIC_SHARE[k]);
          a += Math.sqrt(2) * 2 * Math.PI * f * velocityRms / G * Math.sin(2 * Math.PI * f * t + phase[k]);
        }
        if (s > 0) {
          double period = 1 / (BPFO_RATIO * f1);
          double sinceImpact = ((t / period + impactPhase) % 1.0) * period;
          a += 0.5 * s * Math.exp(-sinceImpact / 0.002) * Math.sin(2 * Math.PI * resonance * sinceImpact);
        }
      }
      out[i] = (float) (a + noise.nextGaussian() * sigma);
    }
    return out;
  }
}
