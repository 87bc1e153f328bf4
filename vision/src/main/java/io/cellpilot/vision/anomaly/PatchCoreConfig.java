package io.cellpilot.vision.anomaly;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.image.Preprocessing;

/**
 * Hyper-parameters of the patch-feature anomaly model.
 *
 * @param scale 0: resize every image to side x side; above 0: scale by this factor keeping the aspect ratio, at most
 *     side px a side (defects keep their size in pixels whatever the crop)
 * @param side input side in px (fixed size), or the largest side (scaled)
 * @param filters first-layer filters (each used with both polarities)
 * @param kernel first-layer kernel size
 * @param width2 second-layer random filters (used with depth 2 and 3)
 * @param width3 third-layer random filters (used with depth 3)
 * @param depth 1..3 feature levels concatenated
 * @param bank DESIGNED (Gaussian-derivative filter bank) or RANDOM first-layer filters
 * @param bankSize patches kept in the memory bank (greedy coreset)
 * @param margin grid cells at each image border left out of the image score (zero padding makes border patches
 *     unreliable); the heat map still covers them
 * @param positionWeight weight of the patch's position in the image as an extra feature (0 = position-free); lets a
 *     pattern that is normal at the part's edge be abnormal in its middle
 * @param seed seed of every random choice (filters, sampling)
 * @param flatten radius in input px of the per-image illumination flattening ({@link Illumination}); 0 = off (the
 *     behaviour of packages written before this option existed, which lack the key)
 * @param roi the inspected region: a disc around the image centre with this radius, as a share of the image's
 *     shorter side; only patches inside it make the image score and the heat map (0 = the whole image, also for
 *     packages written before this option). Set from the parts themselves when they are registered: the belt
 *     around a part is not the part.
 */
public record PatchCoreConfig(
    double scale, int side, int filters, int kernel, int width2, int width3, int depth, FilterBank bank,
    int bankSize, int margin, double positionWeight, long seed, int flatten, double roi) {

  @JsonCreator
  public PatchCoreConfig {
    check(side % 4 == 0 && side >= 32, "side", "a multiple of 4 and >= 32", side);
    check(scale >= 0 && scale <= 2, "scale", "in [0, 2]", scale);
    check(depth >= 1 && depth <= 3, "depth", "1, 2 or 3", depth);
    check(filters >= 1 && filters <= 64, "filters", "1..64", filters);
    check(kernel % 2 == 1 && kernel >= 3 && kernel <= 15, "kernel", "odd, 3..15", kernel);
    check(bankSize >= 16, "bank-size", ">= 16", bankSize);
    check(margin >= 0 && margin <= 8, "margin", "0..8", margin);
    check(positionWeight >= 0 && positionWeight <= 10, "position-weight", "0..10", positionWeight);
    check(flatten >= 0 && flatten <= 64, "flatten", "0..64 px", flatten);
    check(roi == 0 || (roi >= 0.05 && roi <= 0.75), "roi", "0 (whole image) or 0.05..0.75", roi);
  }

  /** Without illumination flattening (the configuration before {@code flatten} existed). */
  public PatchCoreConfig(double scale, int side, int filters, int kernel, int width2, int width3, int depth,
      FilterBank bank, int bankSize, int margin, double positionWeight, long seed) {
    this(scale, side, filters, kernel, width2, width3, depth, bank, bankSize, margin, positionWeight, seed, 0, 0);
  }

  private static void check(boolean ok, String key, String rule, Object value) {
    if (!ok) {
      throw new VisionException(Reason.INVALID_VALUE, "anomaly." + key + " must be " + rule + ", was " + value);
    }
  }

  /** The configuration that won the held-out measurements in docs/vision.md. */
  public static PatchCoreConfig defaults() {
    return new PatchCoreConfig(0.25, 512, 18, 7, 32, 64, 2, FilterBank.DESIGNED, 16000, 3, 10, 42, 11, 0);
  }

  /** The preprocessing this configuration implies. */
  public Preprocessing preprocessing() {
    return scale == 0 ? Preprocessing.perImage(side) : Preprocessing.scaled(scale, side);
  }

  public PatchCoreConfig withSeed(long v) {
    return new PatchCoreConfig(scale, side, filters, kernel, width2, width3, depth, bank, bankSize, margin,
        positionWeight, v, flatten, roi);
  }

  public PatchCoreConfig withScale(double v) {
    return new PatchCoreConfig(v, side, filters, kernel, width2, width3, depth, bank, bankSize, margin,
        positionWeight, seed, flatten, roi);
  }

  public PatchCoreConfig withSide(int v) {
    return new PatchCoreConfig(scale, v, filters, kernel, width2, width3, depth, bank, bankSize, margin,
        positionWeight, seed, flatten, roi);
  }

  public PatchCoreConfig withDepth(int v) {
    return new PatchCoreConfig(scale, side, filters, kernel, width2, width3, v, bank, bankSize, margin,
        positionWeight, seed, flatten, roi);
  }

  public PatchCoreConfig withBank(FilterBank v) {
    return new PatchCoreConfig(scale, side, filters, kernel, width2, width3, depth, v, bankSize, margin,
        positionWeight, seed, flatten, roi);
  }

  public PatchCoreConfig withBankSize(int v) {
    return new PatchCoreConfig(scale, side, filters, kernel, width2, width3, depth, bank, v, margin,
        positionWeight, seed, flatten, roi);
  }

  public PatchCoreConfig withMargin(int v) {
    return new PatchCoreConfig(scale, side, filters, kernel, width2, width3, depth, bank, bankSize, v,
        positionWeight, seed, flatten, roi);
  }

  public PatchCoreConfig withPositionWeight(double v) {
    return new PatchCoreConfig(scale, side, filters, kernel, width2, width3, depth, bank, bankSize, margin, v,
        seed, flatten, roi);
  }

  public PatchCoreConfig withFlatten(int v) {
    return new PatchCoreConfig(scale, side, filters, kernel, width2, width3, depth, bank, bankSize, margin,
        positionWeight, seed, v, roi);
  }

  public PatchCoreConfig withKernel(int v) {
    return new PatchCoreConfig(scale, side, filters, v, width2, width3, depth, bank, bankSize, margin,
        positionWeight, seed, flatten, roi);
  }

  public PatchCoreConfig withFilters(int v) {
    return new PatchCoreConfig(scale, side, v, kernel, width2, width3, depth, bank, bankSize, margin,
        positionWeight, seed, flatten, roi);
  }

  public PatchCoreConfig withRoi(double v) {
    return new PatchCoreConfig(scale, side, filters, kernel, width2, width3, depth, bank, bankSize, margin,
        positionWeight, seed, flatten, v);
  }

  /** Whether a cell of a {@code gw x gh} grid lies in the inspected region ({@link #roi()}). */
  public boolean inRegion(int x, int y, int gw, int gh) {
    if (roi == 0) {
      return true;
    }
    double dx = x + 0.5 - gw / 2.0;
    double dy = y + 0.5 - gh / 2.0;
    double r = roi * Math.min(gw, gh);
    return dx * dx + dy * dy <= r * r;
  }
}
