package io.cellpilot.vision.classify;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;

/**
 * Hyper-parameters of the supervised inspection CNN.
 *
 * @param side input side in px (images are resized to side x side and standardised per image)
 * @param width filters of the first convolution (doubled at each of the next levels)
 * @param maxEpochs upper bound; early stopping usually ends sooner
 * @param patience epochs without a better validation loss before stopping
 * @param validationFraction share of the training images held out for early stopping
 */
public record ClassifierConfig(
    int side, int width, int maxEpochs, int patience, int batchSize, double learningRate,
    double validationFraction, long seed) {

  public ClassifierConfig {
    if (side < 32 || side > 512 || side % 8 != 0) {
      throw new VisionException(Reason.INVALID_VALUE, "classifier.side must be a multiple of 8 in 32..512, was " + side);
    }
    if (maxEpochs < 1 || patience < 1 || batchSize < 1) {
      throw new VisionException(Reason.INVALID_VALUE, "classifier.max-epochs, patience and batch-size must be >= 1");
    }
    if (!(learningRate > 0 && learningRate < 1)) {
      throw new VisionException(Reason.INVALID_VALUE, "classifier.learning-rate must be in (0, 1), was " + learningRate);
    }
    if (!(validationFraction > 0 && validationFraction < 0.5)) {
      throw new VisionException(Reason.INVALID_VALUE,
          "classifier.validation-fraction must be in (0, 0.5), was " + validationFraction);
    }
  }

  public static ClassifierConfig defaults() {
    return new ClassifierConfig(96, 16, 40, 6, 32, 2e-3, 0.15, 42);
  }

  public ClassifierConfig withSeed(long newSeed) {
    return new ClassifierConfig(side, width, maxEpochs, patience, batchSize, learningRate, validationFraction,
        newSeed);
  }

  public ClassifierConfig withMaxEpochs(int epochs) {
    return new ClassifierConfig(side, width, epochs, patience, batchSize, learningRate, validationFraction, seed);
  }

  public ClassifierConfig withSide(int newSide) {
    return new ClassifierConfig(newSide, width, maxEpochs, patience, batchSize, learningRate, validationFraction,
        seed);
  }
}
