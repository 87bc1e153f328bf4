package io.cellpilot.vision.anomaly;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The untrained DL4J network that turns an image into patch features: a fixed first layer (both polarities of each
 * {@link FilterBank} filter, rectified), then random convolutions on 2x and 4x pooled maps. Weights are a pure function
 * of the configuration and seed; the package still stores them so a model never depends on this code's defaults.
 */
final class PatchFeatureNet {
  private PatchFeatureNet() {}

  static MultiLayerNetwork build(PatchCoreConfig c) {
    int side = c.side();
    var list = new NeuralNetConfiguration.Builder()
        .seed(c.seed())
        .weightInit(WeightInit.RELU)
        .list()
        .layer(new ConvolutionLayer.Builder(c.kernel(), c.kernel()).nIn(1).nOut(2 * c.filters())
            .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build());
    int layers = 2;
    if (c.depth() >= 2) {
      list.layer(new ConvolutionLayer.Builder(3, 3).nOut(c.width2()).convolutionMode(ConvolutionMode.Same)
              .activation(Activation.RELU).build())
          .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(2, 2).stride(2, 2)
              .build());
      layers += 2;
    }
    if (c.depth() >= 3) {
      list.layer(new ConvolutionLayer.Builder(3, 3).nOut(c.width3()).convolutionMode(ConvolutionMode.Same)
          .activation(Activation.RELU).build());
      layers++;
    }
    MultiLayerConfiguration conf = list.setInputType(InputType.convolutional(side, side, 1)).build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    setFirstLayer(net, c);
    assert net.getnLayers() == layers;
    return net;
  }

  private static void setFirstLayer(MultiLayerNetwork net, PatchCoreConfig c) {
    int k = c.kernel();
    List<float[]> filters = c.bank().filters(c.filters(), k, c.seed());
    INDArray w = Nd4j.create(new long[] {2L * c.filters(), 1, k, k}, 'c');
    for (int f = 0; f < filters.size(); f++) {
      float[] filter = filters.get(f);
      for (int i = 0; i < k * k; i++) {
        w.putScalar(new long[] {2L * f, 0, i / k, i % k}, filter[i]);
        w.putScalar(new long[] {2L * f + 1, 0, i / k, i % k}, -filter[i]);
      }
    }
    net.getLayer(0).setParam("W", w);
    net.getLayer(0).setParam("b", Nd4j.zeros(1, 2L * c.filters()));
  }
}
