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
  private final GaussianPatches gaussian;
  private final Preprocessing preprocessing;

  PatchCoreModel(PatchCoreConfig config, MultiLayerNetwork net, MemoryBank bank, GaussianPatches gaussian) {
    this.config = config;
    this.net = net;
    this.bank = bank;
    this.gaussian = gaussian;
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
    if (Boolean.getBoolean("cellpilot.gaussian")) {
      return new PatchCoreModel(config, net, null, GaussianPatches.fit(features, dim));
    }
    MemoryBank bank = MemoryBank.build(features, dim, config.bankSize(), config.seed(),
        Integer.getInteger("cellpilot.candidates", MAX_CANDIDATES), config.positionWeight() > 0 ? 2 : 0,
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

  /** A copy for another thread: its own network, the same (read-only) memory bank. */
  public PatchCoreModel copy() {
    return new PatchCoreModel(config, net.clone(), bank, gaussian);
  }

  /** Scores prepared inputs ({@link #preprocessing()} applied), one result per input. */
  public List<AnomalyMap> scoreInputs(List<Input> inputs) {
    int dim = PatchFeatures.dimension(config);
    List<AnomalyMap> out = new ArrayList<>(inputs.size());
    for (PatchFeatures.Grid g : PatchFeatures.extract(net, config, inputs)) {
      float[] d = bank != null ? bank.nearestDistances(g.values(), dim) : gaussian.distances(g.values(), dim);
      float[] heat = smooth(d, g.gridWidth(), g.gridHeight());
      double score = imageScore(heat, g.gridWidth(), g.gridHeight(),
          Math.min(config.margin(), (Math.min(g.gridWidth(), g.gridHeight()) - 1) / 2));
      out.add(new AnomalyMap(score, g.gridWidth(), g.gridHeight(), heat));
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

  /**
   * The mean of the highest 1 % of patch scores inside the margin: steadier than the single maximum (one noisy
   * patch of a heavily textured good part no longer decides), still driven by a small defect (measured in
   * docs/vision.md).
   */
  static double imageScore(float[] heat, int gw, int gh, int margin) {
    int n = (gw - 2 * margin) * (gh - 2 * margin);
    float[] inner = new float[n];
    int i = 0;
    for (int y = margin; y < gh - margin; y++) {
      for (int x = margin; x < gw - margin; x++) {
        inner[i++] = heat[y * gw + x];
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
  private static float[] smooth(float[] map, int gw, int gh) {
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
