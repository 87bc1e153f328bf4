package io.cellpilot.vision.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Receiver-operating-characteristic figures for scores where higher means "more likely defective". */
public final class Roc {
  private Roc() {}

  /** One point of the curve at a threshold: a score >= threshold is called defective. */
  public record Point(double threshold, double falsePositiveRate, double truePositiveRate) {}

  /**
   * Area under the ROC curve (the probability that a random defective scores above a random good one; ties count
   * half). NaN when one of the classes is empty.
   */
  public static double auroc(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSumPositive = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSumPositive += averageRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSumPositive - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** AUROC over many values without boxing (pixel AUROC has hundreds of thousands): sorts a copy. */
  public static double aurocLarge(float[] scores, boolean[] positive) {
    int n = scores.length;
    long[] keyed = new long[n];
    for (int i = 0; i < n; i++) {
      // Sortable int bits of a float in the high word, the index in the low word.
      int bits = Float.floatToIntBits(scores[i]);
      bits = bits >= 0 ? bits : bits ^ 0x7fffffff;
      keyed[i] = ((long) bits << 32) | i;
    }
    Arrays.sort(keyed);
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && (keyed[j + 1] >> 32) == (keyed[i] >> 32)) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[(int) (keyed[k] & 0xffffffffL)]) {
          rankSum += averageRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** The curve from (0,0) to (1,1), one point per distinct score. */
  public static List<Point> curve(double[] scores, boolean[] positive) {
    double[] distinct = Arrays.stream(scores).distinct().sorted().toArray();
    long pos = 0;
    for (boolean p : positive) {
      pos += p ? 1 : 0;
    }
    long neg = positive.length - pos;
    List<Point> points = new ArrayList<>();
    points.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
    for (int t = distinct.length - 1; t >= 0; t--) {
      Counts c = Counts.at(scores, positive, distinct[t]);
      points.add(new Point(distinct[t], neg == 0 ? 0 : (double) c.fp() / neg, pos == 0 ? 0 : (double) c.tp() / pos));
    }
    return points;
  }

  /**
   * The threshold that maximises F1 on these scores (ties: the higher threshold, fewer false rejects); placed midway
   * to the next lower score so that a small drift does not flip the boundary case.
   */
  public static double bestF1Threshold(double[] scores, boolean[] positive) {
    double[] distinct = Arrays.stream(scores).distinct().sorted().toArray();
    double best = -1;
    double bestThreshold = distinct.length == 0 ? 0 : distinct[distinct.length - 1];
    for (int t = distinct.length - 1; t >= 0; t--) {
      Counts c = Counts.at(scores, positive, distinct[t]);
      double f1 = c.f1();
      if (f1 > best + 1e-12) {
        best = f1;
        bestThreshold = t > 0 ? (distinct[t] + distinct[t - 1]) / 2 : distinct[t];
      }
    }
    return bestThreshold;
  }

  /** Confusion counts at a threshold (score >= threshold means defective). */
  public record Counts(long tp, long fp, long tn, long fn) {
    public static Counts at(double[] scores, boolean[] positive, double threshold) {
      long tp = 0;
      long fp = 0;
      long tn = 0;
      long fn = 0;
      for (int i = 0; i < scores.length; i++) {
        boolean called = scores[i] >= threshold;
        if (positive[i]) {
          if (called) {
            tp++;
          } else {
            fn++;
          }
        } else if (called) {
          fp++;
        } else {
          tn++;
        }
      }
      return new Counts(tp, fp, tn, fn);
    }

    public double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }
}
