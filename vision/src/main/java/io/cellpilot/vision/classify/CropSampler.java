package io.cellpilot.vision.classify;

import io.cellpilot.vision.image.Preprocessing.Input;
import java.util.List;
import java.util.Random;

/**
 * Cuts square training crops from prepared images: anywhere in a good image, around a defect pixel (with jitter, so
 * the defect is not always centred) when the image has a mask, anywhere otherwise. Flipped at random: a part's
 * defects have no preferred side. Inputs smaller than the crop are padded with the mean (0 after standardisation).
 */
final class CropSampler {
  /** A prepared image with the indices of its defect pixels (empty for good images or without a mask). */
  record Prepared(Input input, int[] defectPixels) {}

  private final int crop;
  private final Random random;

  CropSampler(int crop, Random random) {
    this.crop = crop;
    this.random = random;
  }

  float[] sample(List<Prepared> images) {
    Prepared p = images.get(random.nextInt(images.size()));
    Input in = p.input();
    int w = in.width();
    int h = in.height();
    int x0;
    int y0;
    if (p.defectPixels().length > 0) {
      int pix = p.defectPixels()[random.nextInt(p.defectPixels().length)];
      int jitter = crop / 4;
      x0 = pix % w - crop / 2 + random.nextInt(2 * jitter + 1) - jitter;
      y0 = pix / w - crop / 2 + random.nextInt(2 * jitter + 1) - jitter;
    } else {
      x0 = w > crop ? random.nextInt(w - crop + 1) : 0;
      y0 = h > crop ? random.nextInt(h - crop + 1) : 0;
    }
    x0 = Math.max(0, Math.min(Math.max(0, w - crop), x0));
    y0 = Math.max(0, Math.min(Math.max(0, h - crop), y0));
    boolean fh = random.nextBoolean();
    boolean fv = random.nextBoolean();
    float[] out = new float[crop * crop];
    for (int y = 0; y < crop && y0 + y < h; y++) {
      for (int x = 0; x < crop && x0 + x < w; x++) {
        int ty = fv ? crop - 1 - y : y;
        int tx = fh ? crop - 1 - x : x;
        out[ty * crop + tx] = in.values()[(y0 + y) * w + x0 + x];
      }
    }
    return out;
  }

  /** An input padded to at least crop x crop, for inference on small images. */
  static Input padded(Input in, int crop) {
    if (in.width() >= crop && in.height() >= crop) {
      return in;
    }
    int w = Math.max(crop, in.width());
    int h = Math.max(crop, in.height());
    float[] out = new float[w * h];
    for (int y = 0; y < in.height(); y++) {
      System.arraycopy(in.values(), y * in.width(), out, y * w, in.width());
    }
    return new Input(w, h, out);
  }
}
