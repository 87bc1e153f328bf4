package io.cellpilot.vision.health;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.health.HealthReading.Phase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Online anomaly detector for a multivariate sensor stream. It cuts the stream into windows; each window's mean and
 * spread per channel are features. During probation it learns each feature's median and robust spread (MAD); then it
 * scores every window by the largest robust z-score (sudden changes) and the largest exponentially weighted average of
 * z-scores, scaled to unit variance (slow drifts, EWMA chart). The alarm has hysteresis: raised after
 * {@code raiseAfter} high windows, cleared after {@code clearAfter} low ones. Not thread-safe: one per stream.
 */
public final class HealthDetector {
  /** Deviations below this share of a feature's normal level are not significant on their own. */
  static final double MIN_RELATIVE_SCALE = 0.01;

  private final HealthConfig config;
  private final List<String> channels;
  private final int features;
  private final double[] sum;
  private final double[] sumSq;
  private final List<double[]> probation = new ArrayList<>();
  private double[] median;
  private double[] scale;
  private final double[] ewma;
  private final double ewmaTheory;
  private double[] ewmaStd;
  private int inWindow;
  private double score;
  private String cause = "";
  private boolean alarm;
  private int high;
  private int low;
  private long invalidSamples;
  private long windows;

  public HealthDetector(HealthConfig config, List<String> channels) {
    if (channels.isEmpty()) {
      throw new VisionException(Reason.INVALID_VALUE, "health detector needs at least one channel");
    }
    this.config = config;
    this.channels = List.copyOf(channels);
    this.features = 2 * channels.size();
    this.sum = new double[channels.size()];
    this.sumSq = new double[channels.size()];
    this.ewma = new double[features];
    // Stationary standard deviation of an EWMA of unit-variance values (Montgomery, SPC, section 9.2).
    this.ewmaTheory = Math.sqrt(config.ewmaLambda() / (2 - config.ewmaLambda()));
  }

  /** A detector that starts scoring at once with a learned normal profile (see {@link #profile()}). */
  public static HealthDetector fromProfile(HealthConfig config, List<String> channels, HealthProfile profile) {
    HealthDetector d = new HealthDetector(config, channels);
    if (profile.median().length != d.features || profile.scale().length != d.features) {
      throw new VisionException(Reason.INVALID_VALUE, "health profile has " + profile.median().length
          + " features, the detector needs " + d.features + " for channels " + channels);
    }
    d.median = profile.median().clone();
    d.scale = profile.scale().clone();
    d.ewmaStd = profile.ewmaStd() == null ? d.theoryStd() : profile.ewmaStd().clone();
    return d;
  }

  public List<String> channels() {
    return channels;
  }

  public long invalidSamples() {
    return invalidSamples;
  }

  /** Windows closed so far (learned or scored); a new score exists each time this grows. */
  public long windows() {
    return windows;
  }

  public boolean learning() {
    return median == null;
  }

  /** The learned normal profile, or null while still learning. */
  public HealthProfile profile() {
    return median == null ? null : new HealthProfile(median.clone(), scale.clone(), ewmaStd.clone());
  }

  /**
   * Takes one sample (one value per channel). A sample with NaN or infinite values, or the wrong number of values,
   * is refused (phase INVALID, counted) and changes nothing: the detector never learns from or acts on it.
   */
  public HealthReading observe(long timestamp, double[] values) {
    if (values == null || values.length != channels.size()) {
      invalidSamples++;
      return new HealthReading(timestamp, Double.NaN, alarm, Phase.INVALID, "expected " + channels.size()
          + " values " + channels + ", got " + (values == null ? 0 : values.length));
    }
    for (int c = 0; c < values.length; c++) {
      if (!Double.isFinite(values[c])) {
        invalidSamples++;
        return new HealthReading(timestamp, Double.NaN, alarm, Phase.INVALID,
            channels.get(c) + " is " + values[c]);
      }
    }
    for (int c = 0; c < values.length; c++) {
      sum[c] += values[c];
      sumSq[c] += values[c] * values[c];
    }
    inWindow++;
    if (inWindow == config.window()) {
      closeWindow();
    }
    return new HealthReading(timestamp, median == null ? 0 : score, alarm,
        median == null ? Phase.LEARNING : Phase.SCORING, cause);
  }

  private void closeWindow() {
    double[] f = new double[features];
    int n = inWindow;
    for (int c = 0; c < channels.size(); c++) {
      double mean = sum[c] / n;
      f[2 * c] = mean;
      f[2 * c + 1] = Math.sqrt(Math.max(0, sumSq[c] / n - mean * mean));
    }
    Arrays.fill(sum, 0);
    Arrays.fill(sumSq, 0);
    inWindow = 0;
    windows++;
    if (median == null) {
      probation.add(f);
      if (probation.size() >= config.probationWindows()) {
        learn();
      }
      return;
    }
    scoreWindow(f);
  }

  private void learn() {
    median = new double[features];
    scale = new double[features];
    double[] column = new double[probation.size()];
    for (int k = 0; k < features; k++) {
      for (int i = 0; i < column.length; i++) {
        column[i] = probation.get(i)[k];
      }
      double med = median(column);
      double[] dev = new double[column.length];
      for (int i = 0; i < column.length; i++) {
        dev[i] = Math.abs(column[i] - med);
      }
      // 1.4826 * MAD estimates the standard deviation of normal data. The floor (1 % of the normal level) keeps a
      // very steady feature, like a bearing temperature wandering by tenths of a degree, from turning an
      // insignificant wobble into an alarm.
      double mad = 1.4826 * median(dev);
      median[k] = med;
      scale[k] = Math.max(mad, Math.max(MIN_RELATIVE_SCALE * Math.abs(med), 1e-9));
    }
    calibrateDriftChart();
    probation.clear();
  }

  /**
   * The EWMA's spread assumes independent windows. Real signals are not: a wandering temperature makes it wider
   * (false drift alarms), a load cycle averaged by the EWMA makes it narrower (missed drifts). So replay probation
   * through the chart and use the spread actually seen, bounded to [0.75, 3] times the textbook value. The chart
   * continues from where the replay ended.
   */
  private void calibrateDriftChart() {
    ewmaStd = theoryStd();
    int burnIn = Math.min(probation.size() / 2, (int) Math.ceil(1 / config.ewmaLambda()));
    double[] sq = new double[features];
    int counted = 0;
    for (int i = 0; i < probation.size(); i++) {
      double[] f = probation.get(i);
      for (int k = 0; k < features; k++) {
        double z = Math.max(-4, Math.min(4, (f[k] - median[k]) / scale[k]));
        ewma[k] = config.ewmaLambda() * z + (1 - config.ewmaLambda()) * ewma[k];
        if (i >= burnIn) {
          sq[k] += ewma[k] * ewma[k];
        }
      }
      counted += i >= burnIn ? 1 : 0;
    }
    for (int k = 0; k < features && counted > 0; k++) {
      double seen = Math.sqrt(sq[k] / counted);
      ewmaStd[k] = Math.max(0.75 * ewmaTheory, Math.min(3 * ewmaTheory, seen));
    }
  }

  private double[] theoryStd() {
    double[] out = new double[features];
    Arrays.fill(out, ewmaTheory);
    return out;
  }

  private void scoreWindow(double[] f) {
    double best = 0;
    String bestCause = "";
    for (int k = 0; k < features; k++) {
      double z = (f[k] - median[k]) / scale[k];
      // Clip what one window may add to the drift average, so that one spike cannot look like a drift.
      double clipped = Math.max(-4, Math.min(4, z));
      ewma[k] = config.ewmaLambda() * clipped + (1 - config.ewmaLambda()) * ewma[k];
      double drift = Math.abs(ewma[k]) / ewmaStd[k];
      // A single window's z is compared at the same scale as the EWMA chart: sudden needs a larger excursion.
      double sudden = Math.abs(z) * 0.75;
      String name = channels.get(k / 2) + (k % 2 == 0 ? ".mean" : ".spread");
      if (sudden > best) {
        best = sudden;
        bestCause = name + " sudden";
      }
      if (drift > best) {
        best = drift;
        bestCause = name + " drift";
      }
    }
    score = best;
    cause = bestCause;
    if (best >= config.raiseScore()) {
      high++;
      low = 0;
    } else if (best < config.clearScore()) {
      low++;
      high = 0;
    } else {
      high = 0;
      low = 0;
    }
    if (!alarm && high >= config.raiseAfter()) {
      alarm = true;
    } else if (alarm && low >= config.clearAfter()) {
      alarm = false;
    }
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
