package io.cellpilot.vision.classify;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.Preprocessing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Supervised inspection: a CNN that names the class of a part image ({@code good} or a defect type). Its anomaly
 * score is {@code 1 - P(good)}, so it also ranks defect types it never saw. Not thread-safe; {@link #copy()} per worker.
 */
public final class DefectClassifier {
  private final ClassifierConfig config;
  private final MultiLayerNetwork net;
  private final List<String> labels;
  private final Preprocessing preprocessing;

  /** An image with its class and, when known, its defect mask (1 = defect); crops are cut around the defect. */
  public record Labelled(GreyImage image, String label, GreyImage mask) {
    public Labelled(GreyImage image, String label) {
      this(image, label, null);
    }
  }

  /** The classifier's answer for one image. */
  public record Prediction(String label, double defectProbability, float[] probabilities) {}

  /** What training did: epochs run, the best validation loss and its epoch. */
  public record TrainingSummary(int epochs, int bestEpoch, double bestValidationLoss) {}

  DefectClassifier(ClassifierConfig config, MultiLayerNetwork net, List<String> labels) {
    this.config = config;
    this.net = net;
    this.labels = List.copyOf(labels);
    this.preprocessing = config.preprocessing();
  }

  public List<String> labels() {
    return labels;
  }

  public ClassifierConfig config() {
    return config;
  }

  public Preprocessing preprocessing() {
    return preprocessing;
  }

  MultiLayerNetwork network() {
    return net;
  }

  public DefectClassifier copy() {
    return new DefectClassifier(config, net.clone(), labels);
  }

  /**
   * Trains on crops of labelled images (see {@link CropSampler}) with early stopping on crops of a stratified
   * validation split; half of each epoch's crops come from defects, spread evenly over the defect types.
   */
  public static Trained train(List<Labelled> data, ClassifierConfig c, Progress progress) {
    Preprocessing pre = c.preprocessing();
    Map<String, List<CropSampler.Prepared>> byLabel = new TreeMap<>();
    for (Labelled l : data) {
      byLabel.computeIfAbsent(l.label(), k -> new ArrayList<>()).add(prepare(pre, l));
    }
    if (!byLabel.containsKey(MvtecDataset.GOOD) || byLabel.size() < 2) {
      throw new VisionException(Reason.DATASET_INVALID,
          "supervised training needs good images and at least one defect type, got " + byLabel.keySet());
    }
    List<String> labels = new ArrayList<>();
    labels.add(MvtecDataset.GOOD);
    byLabel.keySet().stream().filter(k -> !k.equals(MvtecDataset.GOOD)).forEach(labels::add);
    Random random = new Random(c.seed());
    List<List<CropSampler.Prepared>> fit = new ArrayList<>();
    List<List<CropSampler.Prepared>> val = new ArrayList<>();
    for (String label : labels) {
      List<CropSampler.Prepared> all = new ArrayList<>(byLabel.get(label));
      Collections.shuffle(all, random);
      int nVal = Math.max(1, (int) Math.round(all.size() * c.validationFraction()));
      if (all.size() - nVal < 1) {
        throw new VisionException(Reason.DATASET_INVALID, "class " + label + " has " + all.size()
            + " image(s); supervised training needs at least 2 per class");
      }
      val.add(all.subList(0, nVal));
      fit.add(all.subList(nVal, all.size()));
    }
    CropSampler sampler = new CropSampler(c.crop(), random);
    DataSet validation = crops(sampler, val, Math.max(128, c.cropsPerEpoch() / 4), random, c.crop());
    MultiLayerNetwork net = ClassifierNet.build(c, labels.size());
    double best = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    INDArray bestParams = net.params().dup();
    int epoch = 0;
    while (epoch < c.maxEpochs() && epoch - bestEpoch < c.patience()) {
      epoch++;
      DataSet epochCrops = crops(sampler, fit, c.cropsPerEpoch(), random, c.crop());
      for (DataSet batch : epochCrops.batchBy(c.batchSize())) {
        net.fit(batch);
      }
      double loss = net.score(validation);
      if (loss < best) {
        best = loss;
        bestEpoch = epoch;
        bestParams = net.params().dup();
      }
      progress.update("epoch", epoch, c.maxEpochs(), loss);
    }
    net.setParams(bestParams);
    return new Trained(new DefectClassifier(c, net, labels), new TrainingSummary(epoch, bestEpoch, best));
  }

  /** A trained classifier with its training summary. */
  public record Trained(DefectClassifier classifier, TrainingSummary summary) {}

  private static CropSampler.Prepared prepare(Preprocessing pre, Labelled l) {
    Preprocessing.Input in = pre.prepare(l.image());
    if (l.mask() == null) {
      return new CropSampler.Prepared(in, new int[0]);
    }
    float[] m = l.mask().resize(in.width(), in.height()).pixels();
    int[] idx = java.util.stream.IntStream.range(0, m.length).filter(i -> m[i] >= 0.25f).toArray();
    return new CropSampler.Prepared(in, idx);
  }

  /** Half good crops, half defect crops spread over the defect classes; shuffled. */
  private static DataSet crops(CropSampler sampler, List<List<CropSampler.Prepared>> byClass, int n, Random random,
      int crop) {
    int classes = byClass.size();
    float[] all = new float[n * crop * crop];
    INDArray y = Nd4j.zeros(n, classes);
    for (int i = 0; i < n; i++) {
      int k = i % 2 == 0 ? 0 : 1 + random.nextInt(classes - 1);
      System.arraycopy(sampler.sample(byClass.get(k)), 0, all, i * crop * crop, crop * crop);
      y.putScalar(i, k, 1.0);
    }
    DataSet ds = new DataSet(Nd4j.create(all, new long[] {n, 1, crop, crop}, 'c'), y);
    ds.shuffle(random.nextLong());
    return ds;
  }

  /** Predicts prepared inputs ({@link #preprocessing()} applied); equal sizes share one network call. */
  public List<Prediction> predictInputs(List<Preprocessing.Input> inputs) {
    List<Prediction> result = new ArrayList<>(inputs.size());
    int start = 0;
    while (start < inputs.size()) {
      Preprocessing.Input first = CropSampler.padded(inputs.get(start), config.crop());
      int end = start + 1;
      while (end < inputs.size() && inputs.get(end).width() == inputs.get(start).width()
          && inputs.get(end).height() == inputs.get(start).height()) {
        end++;
      }
      int w = first.width();
      int h = first.height();
      float[] all = new float[(end - start) * w * h];
      for (int i = start; i < end; i++) {
        System.arraycopy(CropSampler.padded(inputs.get(i), config.crop()).values(), 0, all, (i - start) * w * h,
            w * h);
      }
      INDArray x = Nd4j.create(all, new long[] {end - start, 1, h, w}, 'c');
      INDArray out = net.output(x, false);
      for (float[] p : out.toFloatMatrix()) {
        int arg = 0;
        for (int k = 1; k < p.length; k++) {
          if (p[k] > p[arg]) {
            arg = k;
          }
        }
        result.add(new Prediction(labels.get(arg), 1.0 - p[0], p));
      }
      x.close();
      out.close();
      start = end;
    }
    return result;
  }

  /** Predicts images of any size. */
  public List<Prediction> predict(List<GreyImage> images) {
    List<Preprocessing.Input> inputs = new ArrayList<>();
    for (GreyImage g : images) {
      inputs.add(preprocessing.prepare(g));
    }
    return predictInputs(inputs);
  }
}
