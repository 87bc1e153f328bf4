package io.cellpilot.vision.anomaly;

import io.cellpilot.vision.eval.Roc;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.MvtecDataset.Sample;
import io.cellpilot.vision.image.PartRegistration;
import io.cellpilot.vision.pkg.ModelPackage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Compares ways of turning a heat map into an image score, on a trained package and MVTec folders given as system
 * properties: {@code -Dpackage=model.cpm -Dsets=dirA,dirB}. Per set and rule: image AUROC overall and per type. Run by
 * hand (tagged slow); nothing here is asserted.
 */
@Tag("slow")
class ScoreRuleExperimentTest {

  @Test
  void compareImageScoreRules() {
    String pkg = System.getProperty("package");
    if (pkg == null) {
      return;
    }
    PatchCoreModel model = PatchCoreCodec.fromPackage(ModelPackage.read(Path.of(pkg), null));
    boolean register = ModelPackage.read(Path.of(pkg), null).manifest().registersPart();
    int margin = model.config().margin();
    int bins = Integer.getInteger("bins", 16);
    double[][] norm = null;
    if (System.getProperty("calibration") != null) {
      MvtecDataset cal = MvtecDataset.open(Path.of(System.getProperty("calibration")));
      List<GreyImage> calImages = new ArrayList<>();
      for (Sample s : cal.test().stream().filter(Sample::isGood).limit(Integer.getInteger("calN", 15)).toList()) {
        GreyImage image = Images.read(s.image());
        calImages.add(register ? PartRegistration.locate(image).apply(image) : image);
      }
      norm = binMeans(model.score(calImages), bins);
    }
    for (String set : System.getProperty("sets").split(",")) {
      MvtecDataset data = MvtecDataset.open(Path.of(set));
      List<Sample> samples = new ArrayList<>();
      List<GreyImage> images = new ArrayList<>();
      int refused = 0;
      for (Sample s : data.test()) {
        GreyImage image = Images.read(s.image());
        if (register) {
          try {
            image = PartRegistration.locate(image).apply(image);
          } catch (RuntimeException e) {
            refused++;
            continue;
          }
        }
        samples.add(s);
        images.add(image);
      }
      List<AnomalyMap> maps = model.score(images);
      if (Boolean.getBoolean("where")) {
        for (int i = 0; i < maps.size(); i++) {
          AnomalyMap m = maps.get(i);
          int best = 0;
          for (int k = 0; k < m.heat().length; k++) {
            if (m.heat()[k] > m.heat()[best]) {
              best = k;
            }
          }
          double dx = (best % m.gridWidth() + 0.5) / m.gridWidth() - 0.5;
          double dy = (best / m.gridWidth() + 0.5) / m.gridHeight() - 0.5;
          System.out.printf(Locale.ROOT, "WHERE %s %s score %.3f max at r=%.3f angle=%.0f%n", samples.get(i).type(),
              samples.get(i).name(), m.score(), Math.hypot(dx, dy), Math.toDegrees(Math.atan2(dy, dx)));
        }
      }
      Map<String, double[]> rules = new TreeMap<>();
      for (int i = 0; i < maps.size(); i++) {
        AnomalyMap m = maps.get(i);
        float[] inner = inner(m, Math.min(margin, (Math.min(m.gridWidth(), m.gridHeight()) - 1) / 2));
        Arrays.sort(inner);
        int n = inner.length;
        double median = inner[n / 2];
        double top1 = topMean(inner, Math.max(1, n / 100));
        put(rules, "top1%", i, maps.size(), top1);
        put(rules, "top0.5%", i, maps.size(), topMean(inner, Math.max(1, n / 200)));
        put(rules, "top2%", i, maps.size(), topMean(inner, Math.max(1, n / 50)));
        put(rules, "max", i, maps.size(), inner[n - 1]);
        put(rules, "top1%-median", i, maps.size(), top1 - median);
        put(rules, "top1%/median", i, maps.size(), top1 / median);
        put(rules, "top1%-p75", i, maps.size(), top1 - inner[(3 * n) / 4]);
        for (int mm = 0; mm < 3; mm++) {
          float[] in4 = inner(m, Math.min(mm, (Math.min(m.gridWidth(), m.gridHeight()) - 1) / 2));
          Arrays.sort(in4);
          put(rules, "m" + mm + "-top1%", i, maps.size(), topMean(in4, Math.max(1, in4.length / 100)));
        }
        for (double rho : new double[] {0.37, 0.39, 0.41, 0.43}) {
          float[] roi = roi(m, rho);
          Arrays.sort(roi);
          put(rules, "roi" + rho + "-top1%", i, maps.size(), topMean(roi, Math.max(1, roi.length / 100)));
        }
        if (norm != null) {
          float[] ratio = normalised(m, norm, bins, 0.0);
          float[] in2 = inner(new AnomalyMap(0, m.gridWidth(), m.gridHeight(), ratio, null),
              Math.min(margin, (Math.min(m.gridWidth(), m.gridHeight()) - 1) / 2));
          Arrays.sort(in2);
          put(rules, "norm-top1%", i, maps.size(), topMean(in2, Math.max(1, in2.length / 100)));
          put(rules, "norm-max", i, maps.size(), in2[in2.length - 1]);
          float[] zs = normalised(m, norm, bins, 0.5);
          float[] in3 = inner(new AnomalyMap(0, m.gridWidth(), m.gridHeight(), zs, null),
              Math.min(margin, (Math.min(m.gridWidth(), m.gridHeight()) - 1) / 2));
          Arrays.sort(in3);
          put(rules, "normsoft-top1%", i, maps.size(), topMean(in3, Math.max(1, in3.length / 100)));
        }
      }
      for (Map.Entry<String, double[]> e : rules.entrySet()) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %-14s all %.4f", Path.of(set)
            .getFileName(), e.getKey(), auroc(e.getValue(), samples, null)));
        for (String type : data.defectTypes()) {
          line.append(String.format(Locale.ROOT, "  %s %.3f", type, auroc(e.getValue(), samples, type)));
        }
        System.out.println("RULE " + line + (refused > 0 ? "  (refused " + refused + ", left out)" : ""));
      }
    }
  }

  /**
   * Ensembles of packages: {@code -Dpackages=a.cpm,b.cpm -Dsets=... -Dcalibration=dir}; each member's image score
   * is divided by its median score on the calibration folder's good test images, then combined by max and mean.
   */
  @Test
  void compareEnsembles() {
    String list = System.getProperty("packages");
    if (list == null) {
      return;
    }
    List<double[]> perMember = new ArrayList<>();
    List<Sample> kept = null;
    String[] sets = System.getProperty("sets").split(",");
    for (String set : sets) {
      perMember.clear();
      MvtecDataset data = MvtecDataset.open(Path.of(set));
      for (String pkg : list.split(",")) {
        ModelPackage p = ModelPackage.read(Path.of(pkg), null);
        PatchCoreModel model = PatchCoreCodec.fromPackage(p);
        boolean register = p.manifest().registersPart();
        double norm = median(scoresOf(model, register,
            MvtecDataset.open(Path.of(System.getProperty("calibration"))).test().stream().filter(Sample::isGood)
                .limit(Integer.getInteger("calN", 15)).toList()));
        List<Sample> samples = data.test().stream().filter(s -> !register || registrable(s)).toList();
        kept = samples;
        double[] sc = scoresOf(model, register, samples);
        for (int i = 0; i < sc.length; i++) {
          sc[i] /= norm;
        }
        perMember.add(sc);
        report(set, Path.of(pkg).getFileName().toString(), sc, samples, data);
      }
      int n = perMember.get(0).length;
      double[] max = new double[n];
      double[] mean = new double[n];
      for (double[] m : perMember) {
        for (int i = 0; i < n; i++) {
          max[i] = Math.max(max[i], m[i]);
          mean[i] += m[i] / perMember.size();
        }
      }
      report(set, "ensemble-max", max, kept, data);
      report(set, "ensemble-mean", mean, kept, data);
    }
  }

  private static boolean registrable(Sample s) {
    try {
      PartRegistration.locate(Images.read(s.image()));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static double[] scoresOf(PatchCoreModel model, boolean register, List<Sample> samples) {
    List<GreyImage> images = new ArrayList<>();
    for (Sample s : samples) {
      GreyImage image = Images.read(s.image());
      images.add(register ? PartRegistration.locate(image).apply(image) : image);
    }
    return model.score(images).stream().mapToDouble(AnomalyMap::score).toArray();
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  private static void report(String set, String name, double[] scores, List<Sample> samples, MvtecDataset data) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %-22s all %.4f", Path.of(set)
        .getFileName(), name, auroc(scores, samples, null)));
    for (String type : data.defectTypes()) {
      line.append(String.format(Locale.ROOT, "  %s %.3f", type, auroc(scores, samples, type)));
    }
    System.out.println("ENSEMBLE " + line);
  }

  /** Mean heat of calibration maps per bin of relative position. */
  private static double[][] binMeans(List<AnomalyMap> maps, int bins) {
    double[][] sum = new double[bins][bins];
    int[][] count = new int[bins][bins];
    for (AnomalyMap m : maps) {
      for (int y = 0; y < m.gridHeight(); y++) {
        for (int x = 0; x < m.gridWidth(); x++) {
          int by = y * bins / m.gridHeight();
          int bx = x * bins / m.gridWidth();
          sum[by][bx] += m.heat()[y * m.gridWidth() + x];
          count[by][bx]++;
        }
      }
    }
    for (int y = 0; y < bins; y++) {
      for (int x = 0; x < bins; x++) {
        sum[y][x] /= Math.max(1, count[y][x]);
      }
    }
    return sum;
  }

  /** Heat divided by the bin's calibration mean ({@code soft}: plus that share of the map's overall mean). */
  private static float[] normalised(AnomalyMap m, double[][] norm, int bins, double soft) {
    double overall = 0;
    for (double[] row : norm) {
      for (double v : row) {
        overall += v / (bins * bins);
      }
    }
    float[] out = new float[m.heat().length];
    for (int y = 0; y < m.gridHeight(); y++) {
      for (int x = 0; x < m.gridWidth(); x++) {
        double b = norm[y * bins / m.gridHeight()][x * bins / m.gridWidth()];
        out[y * m.gridWidth() + x] = (float) (m.heat()[y * m.gridWidth() + x] / (b + soft * overall));
      }
    }
    return out;
  }

  private static float[] roi(AnomalyMap m, double rho) {
    List<Float> in = new ArrayList<>();
    for (int y = 0; y < m.gridHeight(); y++) {
      for (int x = 0; x < m.gridWidth(); x++) {
        double dx = (x + 0.5) / m.gridWidth() - 0.5;
        double dy = (y + 0.5) / m.gridHeight() - 0.5;
        if (Math.hypot(dx, dy) <= rho) {
          in.add(m.heat()[y * m.gridWidth() + x]);
        }
      }
    }
    float[] out = new float[in.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = in.get(k);
    }
    return out;
  }

  private static void put(Map<String, double[]> rules, String rule, int i, int n, double v) {
    rules.computeIfAbsent(rule, k -> new double[n])[i] = v;
  }

  private static float[] inner(AnomalyMap m, int margin) {
    float[] out = new float[(m.gridWidth() - 2 * margin) * (m.gridHeight() - 2 * margin)];
    int k = 0;
    for (int y = margin; y < m.gridHeight() - margin; y++) {
      for (int x = margin; x < m.gridWidth() - margin; x++) {
        out[k++] = m.heat()[y * m.gridWidth() + x];
      }
    }
    return out;
  }

  private static double topMean(float[] sorted, int top) {
    double sum = 0;
    for (int k = sorted.length - top; k < sorted.length; k++) {
      sum += sorted[k];
    }
    return sum / top;
  }

  private static double auroc(double[] scores, List<Sample> samples, String type) {
    List<Double> s = new ArrayList<>();
    List<Boolean> p = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Sample x = samples.get(i);
      if (x.isGood() || type == null || x.type().equals(type)) {
        s.add(scores[i]);
        p.add(!x.isGood());
      }
    }
    boolean[] pos = new boolean[p.size()];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = p.get(i);
    }
    return Roc.auroc(s.stream().mapToDouble(Double::doubleValue).toArray(), pos);
  }
}
