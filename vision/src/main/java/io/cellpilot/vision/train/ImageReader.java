package io.cellpilot.vision.train;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset.Sample;
import io.cellpilot.vision.image.PartRegistration;
import java.util.List;

/**
 * Reads a data set's images for training, registered ({@link PartRegistration}) when the model will be: the trainer
 * must see images exactly as the engine will prepare them.
 */
final class ImageReader {
  /** An image with its defect mask (null when it has none), both in the same pose. */
  record Pair(GreyImage image, GreyImage mask) {}

  /**
   * The inspected region around a registered part reaches this far beyond its rim radius: the chamfer, the notch
   * and a missing feature at the rim stay inside, the belt stays out.
   */
  static final double REGION_BEYOND_RIM = 1.10;

  private final boolean registerPart;
  private final List<Double> partRadii = new java.util.ArrayList<>();

  ImageReader(boolean registerPart) {
    this.registerPart = registerPart;
  }

  boolean registerPart() {
    return registerPart;
  }

  /** Good images; one without a clear part is refused (DATASET_INVALID), naming the file. */
  List<GreyImage> images(List<Sample> samples) {
    return samples.stream().map(s -> {
      Pair p = withMask(s);
      if (p == null) {
        throw new VisionException(Reason.DATASET_INVALID, s.image() + ": " + refusal(s));
      }
      return p.image();
    }).toList();
  }

  /**
   * The image and its mask in the same pose; null when registration refuses the image (a defect such as a missing
   * orientation mark can make a part impossible to register: the engine refuses such parts too).
   */
  Pair withMask(Sample s) {
    GreyImage image = Images.read(s.image());
    GreyImage mask = s.mask() == null ? null : Images.read(s.mask());
    if (!registerPart) {
      return new Pair(image, mask);
    }
    PartRegistration.Placement p;
    try {
      p = PartRegistration.locate(image);
    } catch (VisionException e) {
      return null;
    }
    synchronized (partRadii) {
      partRadii.add(p.radius() / Math.min(image.width(), image.height()));
    }
    return new Pair(p.apply(image), mask == null ? null : p.apply(mask.resize(image.width(), image.height())));
  }

  /**
   * The inspected region for registered parts, as {@link io.cellpilot.vision.anomaly.PatchCoreConfig#roi()}: the
   * median rim radius of the images read so far (as a share of the shorter side) times {@link #REGION_BEYOND_RIM};
   * 0 (the whole image) when parts are not registered.
   */
  double partRegion() {
    synchronized (partRadii) {
      if (!registerPart || partRadii.isEmpty()) {
        return 0;
      }
      List<Double> sorted = partRadii.stream().sorted().toList();
      return Math.min(0.75, sorted.get(sorted.size() / 2) * REGION_BEYOND_RIM);
    }
  }

  private static String refusal(Sample s) {
    try {
      PartRegistration.locate(Images.read(s.image()));
      return "cannot be registered";
    } catch (VisionException e) {
      return e.getMessage();
    }
  }
}
