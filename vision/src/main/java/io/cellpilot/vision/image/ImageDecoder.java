package io.cellpilot.vision.image;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns what a camera sends (PNG or JPEG; 8- or 16-bit grey, RGB, palette) into a {@link GreyImage}. Dimensions are
 * read from the header before the pixels are decoded, so an absurd header cannot exhaust memory.
 */
public final class ImageDecoder {
  /** Smallest side a model can make sense of. */
  public static final int MIN_SIDE = 8;
  /** Largest side accepted (a 64 MP sensor is 9248 px wide). */
  public static final int MAX_SIDE = 10_000;

  private ImageDecoder() {}

  /** Decodes image file bytes; a corrupt or unsupported file raises {@link VisionException} with a clear reason. */
  public static GreyImage decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new VisionException(Reason.CORRUPT_IMAGE, "image is empty (0 bytes)");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new VisionException(Reason.UNSUPPORTED_IMAGE,
            "not a PNG or JPEG image (" + bytes.length + " bytes, starts with " + hexPrefix(bytes) + ")");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        checkSize(w, h);
        return fromBuffered(reader.read(0));
      } finally {
        reader.dispose();
      }
    } catch (VisionException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new VisionException(Reason.CORRUPT_IMAGE,
          "image could not be decoded (" + bytes.length + " bytes): " + e.getMessage(), e);
    }
  }

  /** Converts any {@link BufferedImage} to grey: 16-bit grey keeps its precision, colour uses Rec. 601 luma. */
  public static GreyImage fromBuffered(BufferedImage image) {
    if (image == null) {
      throw new VisionException(Reason.CORRUPT_IMAGE, "no image");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    checkSize(w, h);
    float[] out = new float[w * h];
    Raster raster = image.getRaster();
    int bands = raster.getNumBands();
    boolean direct = image.getColorModel() instanceof ComponentColorModel && (bands == 1 || bands == 2);
    if (direct) {
      // Grey (+alpha): read samples at their own depth, so 16-bit images keep 65536 levels.
      double max = (1L << raster.getSampleModel().getSampleSize(0)) - 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[y * w + x] = (float) (raster.getSample(x, y, 0) / max);
        }
      }
    } else {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = image.getRGB(x, y);
          int r = (rgb >> 16) & 0xff;
          int g = (rgb >> 8) & 0xff;
          int b = rgb & 0xff;
          out[y * w + x] = (float) ((0.299 * r + 0.587 * g + 0.114 * b) / 255.0);
        }
      }
    }
    return new GreyImage(w, h, out);
  }

  private static void checkSize(int w, int h) {
    if (w < MIN_SIDE || h < MIN_SIDE || w > MAX_SIDE || h > MAX_SIDE) {
      throw new VisionException(Reason.WRONG_DIMENSIONS,
          "image is " + w + "x" + h + " px; each side must be between " + MIN_SIDE + " and " + MAX_SIDE);
    }
  }

  private static String hexPrefix(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      sb.append(String.format("%02x", bytes[i]));
    }
    return sb.toString();
  }
}
