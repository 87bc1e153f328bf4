package io.cellpilot.sim.camera;

import io.cellpilot.sim.SimException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** 8-bit greyscale PNG encoding and decoding (javax.imageio; no AWT display needed). */
public final class Png {

  private Png() {}

  /** Encodes row-major grey pixels. */
  public static byte[] encodeGray(int width, int height, byte[] pixels) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(pixels, 0, target, 0, width * height);
    ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 2);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new SimException(SimException.Code.IO, "PNG encoding failed", e);
    }
    return out.toByteArray();
  }

  /** Decodes a greyscale PNG into row-major pixels; throws for anything that is not a readable grey image. */
  public static BufferedImage decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new SimException(SimException.Code.IO, "not a PNG image");
      }
      return image;
    } catch (IOException e) {
      throw new SimException(SimException.Code.IO, "PNG decoding failed", e);
    }
  }
}
