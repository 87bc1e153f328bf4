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

  /** An image with its class. */
  public record Labelled(GreyImage image, String label) {}

  /** The classifier's answer for one image. */
  public record Prediction(String label, double defectProbability, float[] probabilities) {}

  /** What training did: epochs run, the best validation loss and its epoch. */
  public record TrainingSummary(int epochs, int bestEpoch, double bestValidationLoss) {}

  DefectClassifier(ClassifierConfig config, MultiLayerNetwork net, List<String> labels) {
    this.config = config;
    this.net = net;
    this.labels = List.copyOf(labels);
    this.preprocessing = Preprocessing.perImage(config.side());
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
   * Trains on labelled images with early stopping on a stratified validation split; defect classes are
   * oversampled (with flips) to half of each epoch, since defects are rare next to good parts.
   */
  public static Trained train(List<Labelled> data, ClassifierConfig c, Progress progress) {
    Map<String, List<float[]>> byLabel = new TreeMap<>();
    Preprocessing pre = Preprocessing.perImage(c.side());
    for (Labelled l : data) {
      byLabel.computeIfAbsent(l.label(), k -> new ArrayList<>()).add(pre.apply(l.image()));
    }
    if (!byLabel.containsKey(MvtecDataset.GOOD) || byLabel.size() < 2) {
      throw new VisionException(Reason.DATASET_INVALID,
          "supervised training needs good images and at least one defect type, got " + byLabel.keySet());
    }
    List<String> labels = new ArrayList<>();
    labels.add(MvtecDataset.GOOD);
    byLabel.keySet().stream().filter(k -> !k.equals(MvtecDataset.GOOD)).forEach(labels::add);
    Random random = new Random(c.seed());
    List<float[]> valX = new ArrayList<>();
    List<Integer> valY = new ArrayList<>();
    Map<Integer, List<float[]>> fit = new TreeMap<>();
    for (int k = 0; k < labels.size(); k++) {
      List<float[]> all = new ArrayList<>(byLabel.get(labels.get(k)));
      Collections.shuffle(all, random);
      int nVal = Math.max(1, (int) Math.round(all.size() * c.validationFraction()));
      if (all.size() - nVal < 1) {
        throw new VisionException(Reason.DATASET_INVALID, "class " + labels.get(k) + " has " + all.size()
            + " image(s); supervised training needs at least 2 per class");
      }
      for (float[] x : all.subList(0, nVal)) {
        valX.add(x);
        valY.add(k);
      }
      fit.put(k, new ArrayList<>(all.subList(nVal, all.size())));
    }
    MultiLayerNetwork net = ClassifierNet.build(c, labels.size());
    DataSet validation = dataSet(valX, valY, labels.size(), c.side());
    double best = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    INDArray bestParams = net.params().dup();
    int epoch = 0;
    while (epoch < c.maxEpochs() && epoch - bestEpoch < c.patience()) {
      epoch++;
      List<float[]> xs = new ArrayList<>();
      List<Integer> ys = new ArrayList<>();
      epochSamples(fit, random, xs, ys);
      for (int start = 0; start < xs.size(); start += c.batchSize()) {
        int end = Math.min(xs.size(), start + c.batchSize());
        net.fit(dataSet(xs.subList(start, end), ys.subList(start, end), labels.size(), c.side()));
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

  private static void epochSamples(Map<Integer, List<float[]>> fit, Random random, List<float[]> xs,
      List<Integer> ys) {
    List<float[]> good = fit.get(0);
    int defectClasses = fit.size() - 1;
    int perDefectClass = Math.max(1, good.size() / defectClasses);
    List<Integer> order = new ArrayList<>();
    List<float[]> pool = new ArrayList<>();
    for (float[] g : good) {
      pool.add(augment(g, random));
      order.add(0);
    }
    for (int k = 1; k <= defectClasses; k++) {
      List<float[]> items = fit.get(k);
      for (int i = 0; i < Math.max(items.size(), perDefectClass); i++) {
        pool.add(augment(items.get(i < items.size() ? i : random.nextInt(items.size())), random));
        order.add(k);
      }
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      idx.add(i);
    }
    Collections.shuffle(idx, random);
    for (int i : idx) {
      xs.add(pool.get(i));
      ys.add(order.get(i));
    }
  }

  /** Random flips and 180-degree turn: a part's defects have no preferred side. */
  private static float[] augment(float[] x, Random random) {
    int side = (int) Math.round(Math.sqrt(x.length));
    boolean fh = random.nextBoolean();
    boolean fv = random.nextBoolean();
    if (!fh && !fv) {
      return x;
    }
    float[] out = new float[x.length];
    for (int y = 0; y < side; y++) {
      int sy = fv ? side - 1 - y : y;
      for (int xx = 0; xx < side; xx++) {
        int sx = fh ? side - 1 - xx : xx;
        out[y * side + xx] = x[sy * side + sx];
      }
    }
    return out;
  }

  private static DataSet dataSet(List<float[]> xs, List<Integer> ys, int classes, int side) {
    float[] all = new float[xs.size() * side * side];
    for (int i = 0; i < xs.size(); i++) {
      System.arraycopy(xs.get(i), 0, all, i * side * side, side * side);
    }
    INDArray labels = Nd4j.zeros(xs.size(), classes);
    for (int i = 0; i < ys.size(); i++) {
      labels.putScalar(i, ys.get(i), 1.0);
    }
    return new DataSet(Nd4j.create(all, new long[] {xs.size(), 1, side, side}, 'c'), labels);
  }

  /** Predicts prepared inputs ({@link #preprocessing()} applied). */
  public List<Prediction> predictInputs(List<float[]> inputs) {
    int side = config.side();
    float[] all = new float[inputs.size() * side * side];
    for (int i = 0; i < inputs.size(); i++) {
      System.arraycopy(inputs.get(i), 0, all, i * side * side, side * side);
    }
    INDArray out = net.output(Nd4j.create(all, new long[] {inputs.size(), 1, side, side}, 'c'), false);
    float[][] probs = out.toFloatMatrix();
    List<Prediction> result = new ArrayList<>(inputs.size());
    for (float[] p : probs) {
      int arg = 0;
      for (int k = 1; k < p.length; k++) {
        if (p[k] > p[arg]) {
          arg = k;
        }
      }
      result.add(new Prediction(labels.get(arg), 1.0 - p[0], p));
    }
    return result;
  }

  /** Predicts images of any size. */
  public List<Prediction> predict(List<GreyImage> images) {
    List<Prediction> out = new ArrayList<>();
    for (int start = 0; start < images.size(); start += 32) {
      List<float[]> inputs = new ArrayList<>();
      for (GreyImage g : images.subList(start, Math.min(images.size(), start + 32))) {
        inputs.add(preprocessing.apply(g));
      }
      out.addAll(predictInputs(inputs));
    }
    return out;
  }
}
