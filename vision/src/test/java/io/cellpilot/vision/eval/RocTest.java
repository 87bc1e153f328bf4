package io.cellpilot.vision.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocTest {
  @Test
  void perfectSeparationIsOneAndReversedIsZero() {
    double[] s = {0.1, 0.2, 0.8, 0.9};
    assertEquals(1.0, Roc.auroc(s, new boolean[] {false, false, true, true}), 1e-12);
    assertEquals(0.0, Roc.auroc(s, new boolean[] {true, true, false, false}), 1e-12);
  }

  @Test
  void tiesCountHalfAsInTheMannWhitneyStatistic() {
    double[] s = {0.5, 0.5, 0.5, 0.7};
    // Positives 0.5 and 0.7 against negatives 0.5, 0.5: pairs (0.5 vs 0.5) x2 = 1, (0.7 vs 0.5) x2 = 2 -> 3 / 4.
    assertEquals(0.75, Roc.auroc(s, new boolean[] {false, false, true, true}), 1e-12);
  }

  @Test
  void theLargeVariantAgreesWithTheExactOne() {
    Random r = new Random(3);
    int n = 5000;
    double[] d = new double[n];
    float[] f = new float[n];
    boolean[] p = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = r.nextDouble() < 0.1;
      f[i] = (float) Math.round((r.nextGaussian() + (p[i] ? 1 : 0)) * 20) / 20f;
      d[i] = f[i];
    }
    assertEquals(Roc.auroc(d, p), Roc.aurocLarge(f, p), 1e-9);
  }

  @Test
  void bestF1ThresholdSeparatesCleanDataBetweenTheClasses() {
    double[] s = {0.1, 0.2, 0.3, 0.7, 0.8};
    boolean[] p = {false, false, false, true, true};
    double t = Roc.bestF1Threshold(s, p);
    assertTrue(t > 0.3 && t <= 0.7, "threshold " + t);
    Roc.Counts c = Roc.Counts.at(s, p, t);
    assertEquals(1.0, c.precision());
    assertEquals(1.0, c.recall());
  }

  @Test
  void curveRunsFromOriginToTopRight() {
    List<Roc.Point> c = Roc.curve(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
    assertEquals(0, c.get(0).falsePositiveRate());
    assertEquals(1, c.get(c.size() - 1).truePositiveRate());
    assertEquals(1, c.get(c.size() - 1).falsePositiveRate());
  }
}
