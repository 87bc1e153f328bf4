package io.cellpilot.vision.classify;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The supervised CNN: three conv-BN-ReLU-pool levels, a fourth conv, then global max pooling so that one small
 * defect anywhere in the part decides (average pooling would dilute a pinhole among a thousand good cells).
 */
final class ClassifierNet {
  private ClassifierNet() {}

  static MultiLayerNetwork build(ClassifierConfig c, int classes) {
    int w = c.width();
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
        .seed(c.seed())
        .weightInit(WeightInit.RELU)
        .updater(new Adam(c.learningRate()))
        .l2(1e-4)
        .list()
        .layer(conv(w))
        .layer(new BatchNormalization.Builder().activation(Activation.RELU).build())
        .layer(pool())
        .layer(conv(2 * w))
        .layer(new BatchNormalization.Builder().activation(Activation.RELU).build())
        .layer(pool())
        .layer(conv(4 * w))
        .layer(new BatchNormalization.Builder().activation(Activation.RELU).build())
        .layer(pool())
        .layer(conv(4 * w))
        .layer(new BatchNormalization.Builder().activation(Activation.RELU).build())
        .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
        .layer(new DenseLayer.Builder().nOut(4 * w).activation(Activation.RELU).dropOut(0.7).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(c.crop(), c.crop(), 1))
        .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  private static ConvolutionLayer conv(int out) {
    return new ConvolutionLayer.Builder(3, 3).nOut(out).convolutionMode(ConvolutionMode.Same)
        .activation(Activation.IDENTITY).build();
  }

  private static SubsamplingLayer pool() {
    return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
  }
}
