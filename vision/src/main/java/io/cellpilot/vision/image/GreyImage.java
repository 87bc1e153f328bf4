package io.cellpilot.vision.image;

import io.cellpilot.vision.VisionException;

/**
 * A grey image with intensities in [0, 1], row-major. The one pixel format every model of the module consumes.
 *
 * @param pixels {@code width * height} values, row by row; not copied, treat as read-only
 */
public record GreyImage(int width, int height, float[] pixels) {

  public GreyImage {
    if (width <= 0 || height <= 0 || pixels == null || pixels.length != width * height) {
      throw new VisionException(VisionException.Reason.WRONG_DIMENSIONS,
          "grey image " + width + "x" + height + " needs " + ((long) width * height) + " pixels, got "
              + (pixels == null ? "none" : pixels.length));
    }
  }

  public float at(int x, int y) {
    return pixels[y * width + x];
  }

  /**
   * Resamples to the given size: box-averaging when shrinking (no aliasing of thin cracks), bilinear when enlarging.
   */
  public GreyImage resize(int newWidth, int newHeight) {
    if (newWidth == width && newHeight == height) {
      return this;
    }
    float[] out = new float[newWidth * newHeight];
    double sx = (double) width / newWidth;
    double sy = (double) height / newHeight;
    for (int y = 0; y < newHeight; y++) {
      for (int x = 0; x < newWidth; x++) {
        out[y * newWidth + x] = (sx > 1 || sy > 1)
            ? boxAverage(x * sx, y * sy, (x + 1) * sx, (y + 1) * sy)
            : bilinear((x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5);
      }
    }
    return new GreyImage(newWidth, newHeight, out);
  }

  private float boxAverage(double x0, double y0, double x1, double y1) {
    int xs = (int) Math.floor(x0);
    int ys = (int) Math.floor(y0);
    int xe = Math.min(width, (int) Math.ceil(x1));
    int ye = Math.min(height, (int) Math.ceil(y1));
    double sum = 0;
    double weight = 0;
    for (int y = ys; y < ye; y++) {
      double wy = Math.min(y + 1, y1) - Math.max(y, y0);
      for (int x = xs; x < xe; x++) {
        double w = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
        sum += w * pixels[y * width + x];
        weight += w;
      }
    }
    return (float) (sum / weight);
  }

  private float bilinear(double fx, double fy) {
    fx = Math.max(0, Math.min(width - 1, fx));
    fy = Math.max(0, Math.min(height - 1, fy));
    int x0 = (int) fx;
    int y0 = (int) fy;
    int x1 = Math.min(width - 1, x0 + 1);
    int y1 = Math.min(height - 1, y0 + 1);
    double ax = fx - x0;
    double ay = fy - y0;
    double top = at(x0, y0) * (1 - ax) + at(x1, y0) * ax;
    double bottom = at(x0, y1) * (1 - ax) + at(x1, y1) * ax;
    return (float) (top * (1 - ay) + bottom * ay);
  }

  /** Mirror left-right (training augmentation). */
  public GreyImage flipHorizontal() {
    float[] out = new float[pixels.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out[y * width + x] = pixels[y * width + (width - 1 - x)];
      }
    }
    return new GreyImage(width, height, out);
  }

  /** Mirror top-bottom (training augmentation). */
  public GreyImage flipVertical() {
    float[] out = new float[pixels.length];
    for (int y = 0; y < height; y++) {
      System.arraycopy(pixels, (height - 1 - y) * width, out, y * width, width);
    }
    return new GreyImage(width, height, out);
  }
}
