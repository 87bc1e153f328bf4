package io.cellpilot.controller.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small PNGs of one grey level, so the in-test model's score is known in advance. */
public final class TestImages {
  private TestImages() {}

  /** A 16x16 PNG whose every pixel has this grey level (0..255). */
  public static byte[] png(int grey) {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        image.getRaster().setSample(x, y, 0, grey);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
