package io.cellpilot.vision.image;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;

/**
 * How an image becomes a network input. With {@code scale == 0} it is resized to exactly {@code width x height};
 * with {@code scale > 0} it is scaled by that factor keeping its aspect ratio (so a defect keeps its size in pixels
 * whatever the crop) and cut to a multiple of 4 px, at most {@code width x height}. Then it is standardised: with
 * {@code perImage} by its own mean and spread (robust to exposure drift), otherwise by the training set's
 * {@code mean} and {@code std}.
 */
public record Preprocessing(int width, int height, double scale, boolean perImage, float mean, float std) {

  /** A network input: {@code width * height} floats, row-major. */
  public record Input(int width, int height, float[] values) {}

  public Preprocessing {
    if (width < 8 || height < 8 || width > 4096 || height > 4096) {
      throw new VisionException(Reason.INVALID_VALUE,
          "preprocessing input size must be between 8 and 4096 px a side, was " + width + "x" + height);
    }
    if (scale < 0 || scale > 4) {
      throw new VisionException(Reason.INVALID_VALUE, "preprocessing scale must be in [0, 4], was " + scale);
    }
    if (!perImage && !(std > 0)) {
      throw new VisionException(Reason.INVALID_VALUE, "preprocessing std must be > 0, was " + std);
    }
  }

  /** Fixed size, per-image standardisation. */
  public static Preprocessing perImage(int side) {
    return new Preprocessing(side, side, 0, true, 0f, 1f);
  }

  /** Fixed scale factor (aspect kept), per-image standardisation, at most {@code maxSide} a side. */
  public static Preprocessing scaled(double scale, int maxSide) {
    return new Preprocessing(maxSide, maxSide, scale, true, 0f, 1f);
  }

  public boolean fixedSize() {
    return scale == 0;
  }

  /** The network input for one image. */
  public Input prepare(GreyImage image) {
    int[] size = inputSize(image);
    GreyImage sized = image.resize(size[0], size[1]);
    return new Input(sized.width(), sized.height(), standardise(sized.pixels().clone()));
  }

  /** The input's width and height for this image; WRONG_DIMENSIONS when it is too small for the scale. */
  public int[] inputSize(GreyImage image) {
    if (fixedSize()) {
      return new int[] {width, height};
    }
    int w = Math.min(width, (int) Math.round(image.width() * scale)) / 4 * 4;
    int h = Math.min(height, (int) Math.round(image.height() * scale)) / 4 * 4;
    if (w < 16 || h < 16) {
      throw new VisionException(Reason.WRONG_DIMENSIONS, "image " + image.width() + "x" + image.height()
          + " is too small for scale " + scale + " (needs at least 16 px a side after scaling)");
    }
    return new int[] {w, h};
  }

  /** Shortcut for fixed-size preprocessing: the values only. */
  public float[] apply(GreyImage image) {
    return prepare(image).values();
  }

  private float[] standardise(float[] px) {
    double m = mean;
    double s = std;
    if (perImage) {
      double sum = 0;
      double sq = 0;
      for (float v : px) {
        sum += v;
        sq += v * v;
      }
      m = sum / px.length;
      s = Math.sqrt(Math.max(0, sq / px.length - m * m));
      // A flat image has no spread; 0.02 (5 of 255 grey levels) stops noise being blown up to full range.
      s = Math.max(s, 0.02);
    }
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) ((px[i] - m) / s);
    }
    return px;
  }
}
