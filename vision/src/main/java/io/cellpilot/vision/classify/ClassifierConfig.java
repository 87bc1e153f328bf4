package io.cellpilot.vision.classify;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.image.Preprocessing;

/**
 * Hyper-parameters of the supervised inspection CNN.
 *
 * @param scale image scale factor (aspect kept, as the anomaly model); 0 means resize to {@code maxSide} square
 * @param maxSide largest input side after scaling
 * @param crop side of the training crops in px (the network is fully convolutional up to a global max pooling, so
 *     it is trained on crops around defects and run on whole images)
 * @param width filters of the first convolution (doubled at the next levels)
 * @param cropsPerEpoch crops drawn per epoch, half of them from defects
 * @param maxEpochs upper bound; early stopping usually ends sooner
 * @param patience epochs without a better validation loss before stopping
 * @param validationFraction share of each class's images held out for early stopping
 */
public record ClassifierConfig(
    double scale, int maxSide, int crop, int width, int cropsPerEpoch, int maxEpochs, int patience, int batchSize,
    double learningRate, double validationFraction, long seed) {

  public ClassifierConfig {
    check(scale >= 0 && scale <= 2, "scale", "in [0, 2]", scale);
    check(maxSide >= 32 && maxSide <= 2048 && maxSide % 8 == 0, "max-side", "a multiple of 8 in 32..2048", maxSide);
    check(crop >= 16 && crop <= maxSide && crop % 8 == 0, "crop", "a multiple of 8 in 16..max-side", crop);
    check(width >= 4 && width <= 128, "width", "4..128", width);
    check(cropsPerEpoch >= 32, "crops-per-epoch", ">= 32", cropsPerEpoch);
    check(maxEpochs >= 1 && patience >= 1 && batchSize >= 1, "max-epochs, patience and batch-size", ">= 1",
        maxEpochs + "/" + patience + "/" + batchSize);
    check(learningRate > 0 && learningRate < 1, "learning-rate", "in (0, 1)", learningRate);
    check(validationFraction > 0 && validationFraction < 0.5, "validation-fraction", "in (0, 0.5)",
        validationFraction);
  }

  private static void check(boolean ok, String key, String rule, Object value) {
    if (!ok) {
      throw new VisionException(Reason.INVALID_VALUE, "classifier." + key + " must be " + rule + ", was " + value);
    }
  }

  public static ClassifierConfig defaults() {
    return new ClassifierConfig(0.35, 512, 32, 16, 1536, 20, 8, 32, 5e-4, 0.15, 42);
  }

  public Preprocessing preprocessing() {
    return scale == 0 ? Preprocessing.perImage(maxSide) : Preprocessing.scaled(scale, maxSide);
  }

  public ClassifierConfig withSeed(long v) {
    return new ClassifierConfig(scale, maxSide, crop, width, cropsPerEpoch, maxEpochs, patience, batchSize,
        learningRate, validationFraction, v);
  }

  public ClassifierConfig withMaxEpochs(int v) {
    return new ClassifierConfig(scale, maxSide, crop, width, cropsPerEpoch, v, patience, batchSize, learningRate,
        validationFraction, seed);
  }

  public ClassifierConfig withScale(double v) {
    return new ClassifierConfig(v, maxSide, crop, width, cropsPerEpoch, maxEpochs, patience, batchSize,
        learningRate, validationFraction, seed);
  }

  public ClassifierConfig withMaxSide(int v) {
    return new ClassifierConfig(scale, v, crop, width, cropsPerEpoch, maxEpochs, patience, batchSize, learningRate,
        validationFraction, seed);
  }

  public ClassifierConfig withCrop(int v) {
    return new ClassifierConfig(scale, maxSide, v, width, cropsPerEpoch, maxEpochs, patience, batchSize,
        learningRate, validationFraction, seed);
  }

  public ClassifierConfig withCropsPerEpoch(int v) {
    return new ClassifierConfig(scale, maxSide, crop, width, v, maxEpochs, patience, batchSize, learningRate,
        validationFraction, seed);
  }
}
