package io.cellpilot.vision.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated machine sensor history (vibration RMS mm/s, motor current A, bearing temperature degC, one sample per
 * second) with a load cycle, sensor noise and slow temperature wander, and injected faults: bearing faults
 * (vibration level and spikes up, temperature creeping up) and drifts (current creeping up, e.g. a dragging belt).
 */
final class MachineSeries {
  /** An injected fault: samples [start, end). */
  record Fault(String kind, int start, int end) {}

  final List<double[]> samples = new ArrayList<>();
  final List<Fault> faults = new ArrayList<>();

  static MachineSeries generate(long seed, int length, int normalPrefix) {
    Random r = new Random(seed);
    MachineSeries s = new MachineSeries();
    int bearingStart = normalPrefix + 500 + r.nextInt(length / 3);
    int bearingEnd = bearingStart + 400;
    int driftStart = Math.max(bearingEnd + 1500, normalPrefix + length / 2 + r.nextInt(length / 6));
    int driftEnd = Math.min(length, driftStart + 900);
    s.faults.add(new Fault("bearing", bearingStart, bearingEnd));
    s.faults.add(new Fault("drift", driftStart, driftEnd));
    double temp = 0;
    for (int t = 0; t < length; t++) {
      double load = 0.5 + 0.5 * Math.sin(2 * Math.PI * t / 60.0);
      double vib = 2.0 + 0.3 * load + r.nextGaussian() * 0.08;
      double cur = 4.0 + 0.6 * load + r.nextGaussian() * 0.1;
      temp = 0.98 * temp + r.nextGaussian() * 0.05;
      double tc = 40 + temp + r.nextGaussian() * 0.1;
      if (t >= bearingStart && t < bearingEnd) {
        double k = Math.min(1, (t - bearingStart) / 60.0);
        vib *= 1 + 0.25 * k;
        if (r.nextDouble() < 0.05) {
          vib += 1.0 + r.nextDouble(); // impacts from a damaged race
        }
        tc += 2.5 * Math.min(1, (t - bearingStart) / 300.0);
      }
      if (t >= driftStart && t < driftEnd) {
        cur += 0.5 * (t - driftStart) / (driftEnd - driftStart);
      }
      s.samples.add(new double[] {vib, cur, tc});
    }
    return s;
  }
}
