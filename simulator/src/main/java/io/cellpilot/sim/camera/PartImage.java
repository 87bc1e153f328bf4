package io.cellpilot.sim.camera;

import java.util.Optional;

/**
 * A synthetic 8-bit grey image of one part with its ground truth: the defect kind (empty for a good part) and a mask
 * the same size as the image, 255 where the defect is and 0 elsewhere (all 0 for a good part). Pixels are row-major.
 */
public record PartImage(int width, int height, byte[] pixels, Optional<DefectKind> defect, byte[] mask) {

  /** The grey level (0..255) at column {@code x}, row {@code y}. */
  public int pixel(int x, int y) {
    return pixels[y * width + x] & 0xFF;
  }

  public boolean masked(int x, int y) {
    return mask[y * width + x] != 0;
  }

  /** Pixels the mask marks. */
  public int maskArea() {
    int n = 0;
    for (byte b : mask) {
      n += b != 0 ? 1 : 0;
    }
    return n;
  }

  /** The image as PNG bytes (8-bit greyscale). */
  public byte[] png() {
    return Png.encodeGray(width, height, pixels);
  }

  /** The mask as PNG bytes (8-bit greyscale, 0 / 255), as MVTec AD ships its ground truth. */
  public byte[] maskPng() {
    return Png.encodeGray(width, height, mask);
  }
}
