package io.cellpilot.vision.energy;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Virtual sub-meter: a small DL4J regression network that estimates a machine's active power (kW) from its state
 * signals (speed, load, current, state flags...). Inputs and target are standardised with the training statistics.
 * {@link #estimate} is synchronized: one network, called a few times a second per machine.
 */
public final class EnergyEstimator {
  private final List<String> inputs;
  private final String target;
  private final double[] inMean;
  private final double[] inStd;
  private final double outMean;
  private final double outStd;
  private final MultiLayerNetwork net;

  /** Training figures on the held-out rows. */
  public record Fit(double r2, double maeKw, int epochs) {}

  /** A trained estimator with its held-out figures. */
  public record Trained(EnergyEstimator estimator, Fit fit) {}

  EnergyEstimator(List<String> inputs, String target, double[] inMean, double[] inStd, double outMean,
      double outStd, MultiLayerNetwork net) {
    this.inputs = List.copyOf(inputs);
    this.target = target;
    this.inMean = inMean;
    this.inStd = inStd;
    this.outMean = outMean;
    this.outStd = outStd;
    this.net = net;
  }

  public List<String> inputs() {
    return inputs;
  }

  public String target() {
    return target;
  }

  double[] inMean() {
    return inMean;
  }

  double[] inStd() {
    return inStd;
  }

  double outMean() {
    return outMean;
  }

  double outStd() {
    return outStd;
  }

  MultiLayerNetwork network() {
    return net;
  }

  /** Estimated power for one set of signals, in the target's unit; refuses NaN and a wrong number of signals. */
  public synchronized double estimate(double[] signals) {
    if (signals == null || signals.length != inputs.size()) {
      throw new VisionException(Reason.INVALID_VALUE, "energy estimate needs " + inputs.size() + " signals "
          + inputs + ", got " + (signals == null ? 0 : signals.length));
    }
    float[] x = new float[signals.length];
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(signals[i])) {
        throw new VisionException(Reason.INVALID_VALUE, "energy signal " + inputs.get(i) + " is " + signals[i]);
      }
      x[i] = (float) ((signals[i] - inMean[i]) / inStd[i]);
    }
    INDArray out = net.output(Nd4j.create(x, new long[] {1, x.length}), false);
    return out.getDouble(0) * outStd + outMean;
  }

  /**
   * Trains on rows of signals with the measured power; 20 % of the rows (seeded) are held out for early stopping
   * and the reported fit.
   */
  public static Trained train(List<String> inputs, String target, double[][] x, double[] y, int maxEpochs, long seed,
      Progress progress) {
    if (x.length < 20) {
      throw new VisionException(Reason.DATASET_INVALID, "energy training needs at least 20 rows, got " + x.length);
    }
    int d = inputs.size();
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      idx.add(i);
    }
    Collections.shuffle(idx, new Random(seed));
    int nVal = Math.max(4, x.length / 5);
    List<Integer> val = idx.subList(0, nVal);
    List<Integer> fit = idx.subList(nVal, idx.size());
    double[] mean = new double[d];
    double[] std = new double[d];
    double yMean = 0;
    double ySq = 0;
    for (int i : fit) {
      for (int k = 0; k < d; k++) {
        mean[k] += x[i][k];
        std[k] += x[i][k] * x[i][k];
      }
      yMean += y[i];
      ySq += y[i] * y[i];
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= fit.size();
      std[k] = Math.max(1e-6, Math.sqrt(Math.max(0, std[k] / fit.size() - mean[k] * mean[k])));
    }
    yMean /= fit.size();
    double yStd = Math.max(1e-6, Math.sqrt(Math.max(0, ySq / fit.size() - yMean * yMean)));
    MultiLayerNetwork net = network(d, seed);
    EnergyEstimator est = new EnergyEstimator(inputs, target, mean, std, yMean, yStd, net);
    DataSet fitSet = est.dataSet(x, y, fit);
    DataSet valSet = est.dataSet(x, y, val);
    double best = Double.POSITIVE_INFINITY;
    INDArray bestParams = net.params().dup();
    int bestEpoch = 0;
    int epoch = 0;
    Random shuffle = new Random(seed);
    while (epoch < maxEpochs && epoch - bestEpoch < 20) {
      epoch++;
      fitSet.shuffle(shuffle.nextLong());
      for (DataSet batch : fitSet.batchBy(64)) {
        net.fit(batch);
      }
      double loss = net.score(valSet);
      if (loss < best) {
        best = loss;
        bestEpoch = epoch;
        bestParams = net.params().dup();
      }
      progress.update("epoch", epoch, maxEpochs, loss);
    }
    net.setParams(bestParams);
    double ssRes = 0;
    double ssTot = 0;
    double abs = 0;
    double valMean = 0;
    for (int i : val) {
      valMean += y[i];
    }
    valMean /= val.size();
    for (int i : val) {
      double e = est.estimate(x[i]) - y[i];
      ssRes += e * e;
      abs += Math.abs(e);
      ssTot += (y[i] - valMean) * (y[i] - valMean);
    }
    return new Trained(est, new Fit(1 - ssRes / Math.max(ssTot, 1e-12), abs / val.size(), epoch));
  }

  private DataSet dataSet(double[][] x, double[] y, List<Integer> rows) {
    int d = inputs.size();
    float[] xs = new float[rows.size() * d];
    float[] ys = new float[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      int i = rows.get(r);
      for (int k = 0; k < d; k++) {
        xs[r * d + k] = (float) ((x[i][k] - inMean[k]) / inStd[k]);
      }
      ys[r] = (float) ((y[i] - outMean) / outStd);
    }
    return new DataSet(Nd4j.create(xs, new long[] {rows.size(), d}), Nd4j.create(ys, new long[] {rows.size(), 1}));
  }

  static MultiLayerNetwork network(int inputs, long seed) {
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(3e-3))
        .list()
        .layer(new DenseLayer.Builder().nIn(inputs).nOut(32).activation(Activation.TANH).build())
        .layer(new DenseLayer.Builder().nOut(32).activation(Activation.TANH).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(1).activation(Activation.IDENTITY)
            .build())
        .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }
}
