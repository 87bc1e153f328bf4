package io.cellpilot.vision.anomaly;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.Preprocessing;
import io.cellpilot.vision.image.Preprocessing.Input;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Unsupervised inspection trained on good parts only: patch features from an untrained DL4J network
 * ({@link PatchFeatureNet}), a coreset memory bank of normal patches, and the distance of each test patch to its
 * nearest normal patch as anomaly (PatchCore without pretrained weights). Not thread-safe; {@link #copy()} per worker.
 */
public final class PatchCoreModel {
  /** Patch candidates considered for the coreset; bounds training time and memory. */
  static final int MAX_CANDIDATES = 60_000;
  private static final int BATCH = 16;

  private final PatchCoreConfig config;
  private final MultiLayerNetwork net;
  private final MemoryBank bank;
  private final DefectMemory defects;
  private final Preprocessing preprocessing;

  PatchCoreModel(PatchCoreConfig config, MultiLayerNetwork net, MemoryBank bank, DefectMemory defects) {
    this.config = config;
    this.net = net;
    this.bank = bank;
    this.defects = defects;
    this.preprocessing = config.preprocessing();
  }

  /** Builds the model from good images only. */
  public static PatchCoreModel train(List<GreyImage> good, PatchCoreConfig config, Progress progress) {
    MultiLayerNetwork net = PatchFeatureNet.build(config);
    Preprocessing pre = config.preprocessing();
    int dim = PatchFeatures.dimension(config);
    List<float[]> features = new ArrayList<>();
    for (int start = 0; start < good.size(); start += BATCH) {
      List<Input> inputs = new ArrayList<>();
      for (GreyImage image : good.subList(start, Math.min(good.size(), start + BATCH))) {
        inputs.add(pre.prepare(image));
      }
      PatchFeatures.extract(net, config, inputs).forEach(g -> features.add(g.values()));
      progress.update("features", Math.min(good.size(), start + BATCH), good.size(), Double.NaN);
    }
    MemoryBank bank = MemoryBank.build(features, dim, config.bankSize(), config.seed(),
        MAX_CANDIDATES, config.positionWeight() > 0 ? 2 : 0,
        config.positionWeight());
    progress.update("coreset", 1, 1, Double.NaN);
    return new PatchCoreModel(config, net, bank, null);
  }

  public PatchCoreConfig config() {
    return config;
  }

  public Preprocessing preprocessing() {
    return preprocessing;
  }

  MultiLayerNetwork network() {
    return net;
  }

  MemoryBank bank() {
    return bank;
  }

  DefectMemory defects() {
    return defects;
  }

  /** The defect types this model has seen (empty for a model trained on good parts only). */
  public List<String> knownDefectTypes() {
    return defects == null ? List.of() : defects.types();
  }

  /** An image of a known defect type with its mask (null: the image's most anomalous patches stand in). */
  public record LabelledDefect(GreyImage image, String type, GreyImage mask) {}

  /**
   * The same model plus a memory of labelled defect patches (supervised use): patches resembling a known defect
   * score higher and name its type (see {@link DefectMemory}).
   */
  public PatchCoreModel withDefects(List<LabelledDefect> labelled, float weight) {
    int dim = PatchFeatures.dimension(config);
    List<String> types = labelled.stream().map(LabelledDefect::type).distinct().sorted().toList();
    List<float[]> rows = new ArrayList<>();
    List<Integer> rowTypes = new ArrayList<>();
    for (LabelledDefect d : labelled) {
      PatchFeatures.Grid g = PatchFeatures.extract(net, config, List.of(preprocessing.prepare(d.image()))).get(0);
      int cells = g.gridWidth() * g.gridHeight();
      boolean[] take = new boolean[cells];
      if (d.mask() != null) {
        // The share of each cell the mask covers. A blowhole of a few pixels covers at most a fraction of one
        // cell, so a cell counts when it holds at least a quarter of the best-covered cell's share.
        float[] m = d.mask().resize(g.gridWidth(), g.gridHeight()).pixels();
        float best = 0;
        for (float v : m) {
          best = Math.max(best, v);
        }
        for (int i = 0; i < cells; i++) {
          take[i] = m[i] > 0 && m[i] >= 0.25f * best;
        }
      } else {
        // No mask: the three most anomalous cells stand in for the defect.
        float[] dist = bank.nearestDistances(g.values(), dim);
        Integer[] order = new Integer[cells];
        for (int i = 0; i < cells; i++) {
          order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(dist[b], dist[a]));
        for (int i = 0; i < Math.min(3, cells); i++) {
          take[order[i]] = true;
        }
      }
      for (int i = 0; i < cells; i++) {
        if (take[i]) {
          rows.add(java.util.Arrays.copyOfRange(g.values(), i * dim, (i + 1) * dim));
          rowTypes.add(types.indexOf(d.type()));
        }
      }
    }
    if (rows.isEmpty()) {
      return this;
    }
    MemoryBank defectBank = bank.sibling(rows.toArray(new float[0][]));
    int[] labels = rowTypes.stream().mapToInt(Integer::intValue).toArray();
    return new PatchCoreModel(config, net, bank, DefectMemory.nearer(defectBank, labels, types, weight));
  }

  /** A copy for another thread: its own network, the same (read-only) memory bank. */
  public PatchCoreModel copy() {
    return new PatchCoreModel(config, net.clone(), bank, defects);
  }

  /** Scores prepared inputs ({@link #preprocessing()} applied), one result per input. */
  public List<AnomalyMap> scoreInputs(List<Input> inputs) {
    int dim = PatchFeatures.dimension(config);
    List<AnomalyMap> out = new ArrayList<>(inputs.size());
    for (PatchFeatures.Grid g : PatchFeatures.extract(net, config, inputs)) {
      float[] d = bank.nearestDistances(g.values(), dim);
      if (defects != null) {
        float[] boost = defects.boost(d, defects.bank().nearestDistances(g.values(), dim));
        for (int i = 0; i < d.length; i++) {
          d[i] += boost[i];
        }
      }
      int gw = g.gridWidth();
      int gh = g.gridHeight();
      float[] heat = smooth(d, gw, gh);
      boolean[] counts = scoredCells(config, gw, gh);
      for (int i = 0; i < heat.length; i++) {
        if (!config.inRegion(i % gw, i / gw, gw, gh)) {
          heat[i] = 0; // outside the inspected region (the belt around a registered part)
          d[i] = 0;
        }
      }
      out.add(new AnomalyMap(imageScore(heat, counts), gw, gh, heat, defectType(d, g.values(), dim)));
    }
    return out;
  }

  /** Scores images of any size. */
  public List<AnomalyMap> score(List<GreyImage> images) {
    List<AnomalyMap> out = new ArrayList<>(images.size());
    for (int start = 0; start < images.size(); start += BATCH) {
      List<Input> inputs = new ArrayList<>();
      for (GreyImage image : images.subList(start, Math.min(images.size(), start + BATCH))) {
        inputs.add(preprocessing.prepare(image));
      }
      out.addAll(scoreInputs(inputs));
    }
    return out;
  }

  /** The type of the known defect the worst patch resembles, when it resembles one (see {@link DefectMemory}). */
  private String defectType(float[] scores, float[] features, int dim) {
    if (defects == null) {
      return null;
    }
    int worst = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[worst]) {
        worst = i;
      }
    }
    float[] one = java.util.Arrays.copyOfRange(features, worst * dim, (worst + 1) * dim);
    MemoryBank.Nearest n = defects.bank().nearest(one, dim);
    float normal = bank.nearestDistances(one, dim)[0];
    return defects.resembles(n.distances()[0], normal) ? defects.types().get(defects.labels()[n.rows()[0]]) : null;
  }

  /**
   * The cells that make the image score: inside the inspected region ({@link PatchCoreConfig#roi()}) and at least
   * {@code margin} cells from the border (zero padding makes border patches unreliable; the margin shrinks on tiny
   * grids so that some cells always count).
   */
  static boolean[] scoredCells(PatchCoreConfig config, int gw, int gh) {
    int margin = Math.min(config.margin(), (Math.min(gw, gh) - 1) / 2);
    boolean[] out = new boolean[gw * gh];
    boolean any = false;
    for (int y = margin; y < gh - margin; y++) {
      for (int x = margin; x < gw - margin; x++) {
        out[y * gw + x] = config.inRegion(x, y, gw, gh);
        any |= out[y * gw + x];
      }
    }
    if (!any) {
      out[(gh / 2) * gw + gw / 2] = true;
    }
    return out;
  }

  /**
   * The mean of the highest 1 % of the scored cells: steadier than the single maximum (one noisy patch of a heavily
   * textured good part no longer decides), still driven by a small defect (measured in docs/vision.md).
   */
  static double imageScore(float[] heat, boolean[] scored) {
    int n = 0;
    for (boolean b : scored) {
      n += b ? 1 : 0;
    }
    float[] inner = new float[n];
    int i = 0;
    for (int k = 0; k < heat.length; k++) {
      if (scored[k]) {
        inner[i++] = heat[k];
      }
    }
    java.util.Arrays.sort(inner);
    int top = Math.max(1, n / 100);
    double sum = 0;
    for (int k = n - top; k < n; k++) {
      sum += inner[k];
    }
    return sum / top;
  }

  /** 3x3 binomial smoothing: one odd patch should not decide alone, a defect covers several. */
  static float[] smooth(float[] map, int gw, int gh) {
    float[] out = new float[map.length];
    float[] k = {1, 2, 1};
    for (int y = 0; y < gh; y++) {
      for (int x = 0; x < gw; x++) {
        float sum = 0;
        float w = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int yy = y + dy;
            int xx = x + dx;
            if (yy >= 0 && yy < gh && xx >= 0 && xx < gw) {
              float kw = k[dy + 1] * k[dx + 1];
              sum += kw * map[yy * gw + xx];
              w += kw;
            }
          }
        }
        out[y * gw + x] = sum / w;
      }
    }
    return out;
  }
}
