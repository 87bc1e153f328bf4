package io.cellpilot.vision.image;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** File helpers: read an image file, write grey images and heat-map overlays as PNG. */
public final class Images {
  private Images() {}

  /** Reads and decodes an image file; errors name the file. */
  public static GreyImage read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new VisionException(Reason.CORRUPT_IMAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return ImageDecoder.decode(bytes);
    } catch (VisionException e) {
      throw new VisionException(e.reason(), file + ": " + e.getMessage().substring(e.reason().name().length() + 2),
          e);
    }
  }

  /** Encodes a grey image as 8-bit PNG bytes. */
  public static byte[] toPng(GreyImage image) {
    BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        int v = Math.round(Math.max(0, Math.min(1, image.at(x, y))) * 255);
        out.getRaster().setSample(x, y, 0, v);
      }
    }
    return encode(out);
  }

  /** The image in grey with the heat map (values in [0, 1]) blended in red to yellow; both are the same size. */
  public static BufferedImage overlay(GreyImage image, GreyImage heat) {
    GreyImage h = heat.resize(image.width(), image.height());
    BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        float g = Math.max(0, Math.min(1, image.at(x, y)));
        float a = Math.max(0, Math.min(1, h.at(x, y)));
        float alpha = 0.6f * a;
        int r = Math.round(255 * ((1 - alpha) * g + alpha));
        int gr = Math.round(255 * ((1 - alpha) * g + alpha * a * a));
        int b = Math.round(255 * (1 - alpha) * g);
        out.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    return out;
  }

  /** Encodes any image as PNG. */
  public static byte[] encode(BufferedImage image) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(image, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an image as a PNG file, creating parent folders. */
  public static void writePng(BufferedImage image, Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, encode(image));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
