package io.cellpilot.vision.anomaly;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.TestData;
import io.cellpilot.vision.eval.Roc;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.MvtecDataset.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The measurements behind the supervised head: 3-fold cross-validation over the training share of the defects
 * (the seeded 60 %), with 50 good tiles that are not in the memory bank as negatives. The held-out 40 % is only
 * scored for the record. Slow; run by hand: {@code mvn -pl vision test -Dtest=SupervisedExperimentTest
 * -DexcludedGroups=none}; results appended to {@code vision/target/supervised-experiments.txt}.
 */
@Tag("slow")
class SupervisedExperimentTest {

  /** One image's patch features, nearest-normal distances and (defect images) mask cells. */
  record Item(String type, PatchFeatures.Grid grid, float[] distance, float[] mask) {
    boolean good() {
      return type.equals("good");
    }
  }

  @Test
  void crossValidateThePatchClassifier() {
    MvtecDataset data = MvtecDataset.open(TestData.magneticTile());
    PatchCoreConfig config = PatchCoreConfig.defaults().withFlatten(Integer.getInteger("flatten", 0));
    List<Sample> goodSamples = new ArrayList<>(data.trainGood());
    Collections.shuffle(goodSamples, new Random(7));
    List<Sample> fit = goodSamples.subList(0, 200);
    List<Sample> held = goodSamples.subList(200, goodSamples.size());
    List<Sample> trainDefects = defectShare(data, 0.6, config.seed());
    List<Sample> finalTest = new ArrayList<>(data.test().stream().filter(s -> !trainDefects.contains(s)).toList());
    long t0 = System.nanoTime();
    PatchCoreModel model = PatchCoreModel.train(read(fit), config, Progress.NONE);
    List<Item> fitItems = items(model, fit);
    List<Item> heldItems = items(model, held);
    List<Item> defectItems = items(model, trainDefects, true);
    List<Item> testItems = items(model, finalTest);
    log("features ready in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    int margin = config.margin();
    // Folds: round-robin per type after a seeded shuffle.
    int folds = 3;
    int[] fold = new int[defectItems.size()];
    {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < defectItems.size(); i++) {
        idx.add(i);
      }
      Collections.shuffle(idx, new Random(3));
      java.util.Map<String, Integer> next = new java.util.HashMap<>();
      for (int i : idx) {
        int k = next.merge(defectItems.get(i).type(), 1, Integer::sum);
        fold[i] = k % folds;
      }
    }
    String only = System.getProperty("variants", "");
    List<Variant> variants = List.of(
        new Variant("mlp32 feat", false, new PatchClassifier.Settings(32, 12, 2e-3, 1e-4, 42), 150),
        new Variant("mlp32 feat+d", true, new PatchClassifier.Settings(32, 12, 2e-3, 1e-4, 42), 150),
        new Variant("mlp16 feat+d", true, new PatchClassifier.Settings(16, 12, 2e-3, 1e-4, 42), 150),
        new Variant("lin feat+d", true, new PatchClassifier.Settings(1, 12, 2e-3, 1e-4, 42), 150),
        new Variant("mlp64 feat+d", true, new PatchClassifier.Settings(64, 12, 2e-3, 1e-3, 42), 150),
        new Variant("mlp32 ctx", true, new PatchClassifier.Settings(32, 12, 2e-3, 1e-4, 42), 150, true, false),
        new Variant("mlp32 aug", true, new PatchClassifier.Settings(32, 12, 2e-3, 1e-4, 42), 150, false, true),
        new Variant("mlp32 ctx+aug", true, new PatchClassifier.Settings(32, 12, 2e-3, 1e-4, 42), 150, true, true),
        new Variant("lin ctx+aug", true, new PatchClassifier.Settings(1, 12, 2e-3, 1e-4, 42), 150, true, true));
    double[] weights = {0, 0.25, 0.5, 1, 2, 4, 1000};
    double uRef = median(heldItems.stream().mapToDouble(it -> top(smooth(it.distance(), it.grid()), it.grid(),
        margin)).toArray());
    for (int v = 0; v < variants.size(); v++) {
      if (!only.isEmpty() && !List.of(only.split(",")).contains(String.valueOf(v))) {
        continue;
      }
      Variant var = variants.get(v);
      List<double[]> cvScores = new ArrayList<>(); // per image: U/uRef, S
      List<Boolean> cvPositive = new ArrayList<>();
      long t1 = System.nanoTime();
      for (int f = 0; f < folds; f++) {
        List<Item> trainPos = new ArrayList<>();
        List<Item> evalItems = new ArrayList<>(heldItems);
        for (int i = 0; i < defectItems.size(); i++) {
          (fold[i] == f ? evalItems : trainPos).add(defectItems.get(i));
        }
        PatchClassifier c = trainClassifier(fitItems, trainPos, var, margin);
        for (Item it : evalItems) {
          cvScores.add(scores(c, it, var, margin, uRef));
          cvPositive.add(!it.good());
        }
      }
      PatchClassifier all = trainClassifier(fitItems, defectItems, var, margin);
      List<double[]> testScores = new ArrayList<>();
      List<Boolean> testPositive = new ArrayList<>();
      for (Item it : testItems) {
        testScores.add(scores(all, it, var, margin, uRef));
        testPositive.add(!it.good());
      }
      for (double w : weights) {
        log("VAR %d %-14s w %6.2f: CV AUROC %.3f (crack %.3f) | held-out 40%% AUROC %.3f (blowhole %.3f, crack %.3f)"
                + "  [%.0f s]%n",
            v, var.name(), w, auroc(cvScores, cvPositive, w, null, defectTypes(heldItems, defectItems, fold)),
            crackAuroc(cvScores, cvPositive, w, typesOf(heldItems, defectItems, fold)),
            auroc(testScores, testPositive, w, null, null),
            typeAuroc(testScores, testItems, w, "blowhole"), typeAuroc(testScores, testItems, w, "crack"),
            (System.nanoTime() - t1) / 1e9);
      }
      // Unseen type: the classifier learns blowholes only; how do cracks score?
      PatchClassifier blowOnly = trainClassifier(fitItems,
          defectItems.stream().filter(it -> it.type().equals("blowhole")).toList(), var, margin);
      List<double[]> unseen = new ArrayList<>();
      List<Item> unseenItems = new ArrayList<>();
      for (Item it : testItems) {
        if (it.good() || it.type().equals("crack")) {
          unseen.add(scores(blowOnly, it, var, margin, uRef));
          unseenItems.add(it);
        }
      }
      for (double w : weights) {
        log("VAR %d %-14s w %6.2f: cracks never seen, held-out crack AUROC %.3f%n", v, var.name(), w,
            typeAuroc(unseen, unseenItems, w, "crack"));
      }
    }
  }

  static final boolean USE_U2 = Boolean.getBoolean("u2");

  record Variant(String name, boolean withDistance, PatchClassifier.Settings settings, int negativesPerImage,
      boolean context, boolean augment) {
    Variant(String name, boolean withDistance, PatchClassifier.Settings settings, int negativesPerImage) {
      this(name, withDistance, settings, negativesPerImage, false, false);
    }
  }

  private static PatchClassifier trainClassifier(List<Item> good, List<Item> defects, Variant v, int margin) {
    List<float[]> rows = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    Random random = new Random(5);
    for (Item it : good) {
      List<Integer> cells = inner(it.grid(), margin);
      Collections.shuffle(cells, random);
      for (int cell : cells.subList(0, Math.min(v.negativesPerImage(), cells.size()))) {
        rows.add(row(it, cell, v));
        labels.add(false);
      }
    }
    List<Item> all = new ArrayList<>(defects);
    if (v.augment()) {
      for (Item it : defects) {
        all.addAll(FLIPS.getOrDefault(it, List.of()));
      }
    }
    for (Item it : all) {
      int gw = it.grid().gridWidth();
      int gh = it.grid().gridHeight();
      for (int cell : inner(it.grid(), margin)) {
        if (it.mask()[cell] >= 0.25f) {
          rows.add(row(it, cell, v));
          labels.add(true);
        } else if (farFromMask(it.mask(), cell, gw, gh, 2) && random.nextInt(4) == 0) {
          rows.add(row(it, cell, v));
          labels.add(false);
        }
      }
    }
    boolean[] y = new boolean[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    return PatchClassifier.train(rows.toArray(new float[0][]), y, v.settings());
  }

  private static boolean farFromMask(float[] mask, int cell, int gw, int gh, int r) {
    int x = cell % gw;
    int y = cell / gw;
    for (int yy = Math.max(0, y - r); yy <= Math.min(gh - 1, y + r); yy++) {
      for (int xx = Math.max(0, x - r); xx <= Math.min(gw - 1, x + r); xx++) {
        if (mask[yy * gw + xx] > 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Integer> inner(PatchFeatures.Grid g, int margin) {
    List<Integer> out = new ArrayList<>();
    for (int y = margin; y < g.gridHeight() - margin; y++) {
      for (int x = margin; x < g.gridWidth() - margin; x++) {
        out.add(y * g.gridWidth() + x);
      }
    }
    return out;
  }

  private static float[] row(Item it, int cell, Variant v) {
    int dim = it.grid().values().length / it.distance().length;
    float[] r = new float[dim + (v.withDistance() ? 1 : 0) + (v.context() ? 2 : 0)];
    System.arraycopy(it.grid().values(), cell * dim, r, 0, dim);
    if (v.withDistance()) {
      r[dim] = it.distance()[cell];
    }
    if (v.context()) {
      int gw = it.grid().gridWidth();
      int gh = it.grid().gridHeight();
      int x = cell % gw;
      int y = cell / gw;
      float max = 0;
      float sum = 0;
      int n = 0;
      for (int yy = Math.max(0, y - 3); yy <= Math.min(gh - 1, y + 3); yy++) {
        for (int xx = Math.max(0, x - 3); xx <= Math.min(gw - 1, x + 3); xx++) {
          float d = it.distance()[yy * gw + xx];
          if (Math.abs(yy - y) <= 1 && Math.abs(xx - x) <= 1) {
            max = Math.max(max, d);
          }
          sum += d;
          n++;
        }
      }
      r[dim + 1] = max;
      r[dim + 2] = sum / n;
    }
    return r;
  }

  private static double[] scores(PatchClassifier c, Item it, Variant v, int margin, double uRef) {
    int cells = it.distance().length;
    int n = c.inputs();
    float[] rows = new float[cells * n];
    for (int cell = 0; cell < cells; cell++) {
      System.arraycopy(row(it, cell, v), 0, rows, cell * n, n);
    }
    float[] p = c.probabilities(rows);
    double u = top(smooth(it.distance(), it.grid()), it.grid(), margin) / uRef;
    double s = top(smooth(p, it.grid()), it.grid(), margin);
    float[] heat = smooth(it.distance(), it.grid());
    double[] sorted = new double[heat.length];
    for (int i = 0; i < heat.length; i++) {
      sorted[i] = heat[i];
    }
    double u2 = (top(heat, it.grid(), margin) - median(sorted)) / uRef;
    return new double[] {USE_U2 ? u2 : u, s};
  }

  private static double combined(double[] s, double w) {
    return w >= 1000 ? s[1] : s[0] + w * s[1];
  }

  private static double auroc(List<double[]> scores, List<Boolean> positive, double w, Object unused,
      Object unused2) {
    double[] x = scores.stream().mapToDouble(s -> combined(s, w)).toArray();
    boolean[] y = new boolean[positive.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = positive.get(i);
    }
    return Roc.auroc(x, y);
  }

  private static List<String> typesOf(List<Item> held, List<Item> defects, int[] fold) {
    List<String> out = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      held.forEach(it -> out.add("good"));
      for (int i = 0; i < defects.size(); i++) {
        if (fold[i] == f) {
          out.add(defects.get(i).type());
        }
      }
    }
    return out;
  }

  private static Object defectTypes(List<Item> held, List<Item> defects, int[] fold) {
    return null;
  }

  private static double crackAuroc(List<double[]> scores, List<Boolean> positive, double w, List<String> types) {
    List<double[]> s = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      if (types.get(i).equals("good") || types.get(i).equals("crack")) {
        s.add(scores.get(i));
        y.add(positive.get(i));
      }
    }
    return auroc(s, y, w, null, null);
  }

  private static double typeAuroc(List<double[]> scores, List<Item> items, double w, String type) {
    List<double[]> s = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      if (items.get(i).good() || items.get(i).type().equals(type)) {
        s.add(scores.get(i));
        y.add(!items.get(i).good());
      }
    }
    return auroc(s, y, w, null, null);
  }

  private static double top(float[] heat, PatchFeatures.Grid g, int margin) {
    return PatchCoreModel.imageScore(heat, PatchCoreModel.scoredCells(PatchCoreConfig.defaults().withMargin(margin),
        g.gridWidth(), g.gridHeight()));
  }

  private static float[] smooth(float[] map, PatchFeatures.Grid g) {
    return PatchCoreModel.smooth(map, g.gridWidth(), g.gridHeight());
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    java.util.Arrays.sort(c);
    return c[c.length / 2];
  }

  /** Flipped copies of the training defects (augmentation), by original item. */
  static final java.util.Map<Item, List<Item>> FLIPS = new java.util.IdentityHashMap<>();

  private static List<Item> items(PatchCoreModel model, List<Sample> samples) {
    return items(model, samples, false);
  }

  private static List<Item> items(PatchCoreModel model, List<Sample> samples, boolean flips) {
    List<Item> out = new ArrayList<>();
    for (Sample s : samples) {
      GreyImage image = Images.read(s.image());
      GreyImage mask = s.mask() == null ? null : Images.read(s.mask());
      Item it = item(model, s.type(), image, mask);
      out.add(it);
      if (flips) {
        FLIPS.put(it, List.of(item(model, s.type(), image.flipHorizontal(), mask.flipHorizontal()),
            item(model, s.type(), image.flipVertical(), mask.flipVertical())));
      }
    }
    return out;
  }

  private static Item item(PatchCoreModel model, String type, GreyImage image, GreyImage maskImage) {
    int dim = PatchFeatures.dimension(model.config());
    PatchFeatures.Grid g = PatchFeatures.extract(model.network(), model.config(),
        List.of(model.preprocessing().prepare(image))).get(0);
    float[] d = model.bank().nearestDistances(g.values(), dim);
    float[] mask = maskImage == null ? null : maskImage.resize(g.gridWidth(), g.gridHeight()).pixels();
    return new Item(type, g, d, mask);
  }

  private static List<GreyImage> read(List<Sample> samples) {
    return samples.stream().map(s -> Images.read(s.image())).toList();
  }

  /** As Trainers.defectShare (same seed, same order): the supervised split. */
  static List<Sample> defectShare(MvtecDataset data, double share, long seed) {
    List<Sample> used = new ArrayList<>();
    Random random = new Random(seed);
    for (String type : data.defectTypes()) {
      List<Sample> of = new ArrayList<>(data.test().stream().filter(s -> s.type().equals(type)).toList());
      of.addAll(data.train().stream().filter(s -> s.type().equals(type)).toList());
      Collections.shuffle(of, random);
      used.addAll(of.subList(0, (int) Math.round(of.size() * share)));
    }
    return used;
  }

  private static void log(String format, Object... args) {
    String line = String.format(format, args);
    System.out.print(line);
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of("target/supervised-experiments.txt"), line,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
