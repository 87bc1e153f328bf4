package io.cellpilot.vision.image;

import java.util.List;
import java.util.Random;

/**
 * Paints plausible surface defects onto good images: a validation set for choosing hyper-parameters of the
 * unsupervised model without ever looking at the real defects (which keeps it honest about unseen defect types), and
 * test data for the module's own tests. Contrast is relative to the image's own spread, so it works on any exposure.
 */
public final class SyntheticDefects {
  /** Defect kinds painted by {@link #paint}. */
  public enum Kind { PIT, SCRATCH, CRACK, STAIN }

  /** A defective image and its mask (1 = defect). */
  public record Defective(GreyImage image, GreyImage mask, Kind kind) {}

  private SyntheticDefects() {}

  public static List<Kind> kinds() {
    return List.of(Kind.values());
  }

  /** Paints one defect of the kind at a random place (away from the border) with the given random source. */
  public static Defective paint(GreyImage good, Kind kind, Random random) {
    int w = good.width();
    int h = good.height();
    float[] px = good.pixels().clone();
    float[] mask = new float[px.length];
    double spread = spread(px);
    double scale = Math.min(w, h);
    double cx = w * (0.2 + 0.6 * random.nextDouble());
    double cy = h * (0.2 + 0.6 * random.nextDouble());
    double sign = random.nextDouble() < 0.75 ? -1 : 1; // most surface defects are dark
    switch (kind) {
      case PIT -> blob(px, mask, w, h, cx, cy, scale * (0.02 + 0.03 * random.nextDouble()), sign * 3 * spread);
      case STAIN -> blob(px, mask, w, h, cx, cy, scale * (0.08 + 0.08 * random.nextDouble()), sign * 1.5 * spread);
      case SCRATCH -> {
        double angle = random.nextDouble() * Math.PI;
        double len = scale * (0.15 + 0.25 * random.nextDouble());
        line(px, mask, w, h, cx, cy, angle, len, Math.max(1.0, scale * 0.006), sign * 3 * spread, null);
      }
      case CRACK -> {
        double angle = random.nextDouble() * Math.PI;
        double len = scale * (0.2 + 0.3 * random.nextDouble());
        line(px, mask, w, h, cx, cy, angle, len, Math.max(1.0, scale * 0.008), -3 * spread, random);
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
    for (int i = 0; i < px.length; i++) {
      px[i] = Math.max(0, Math.min(1, px[i]));
    }
    return new Defective(new GreyImage(w, h, px), new GreyImage(w, h, mask), kind);
  }

  private static double spread(float[] px) {
    double sum = 0;
    double sq = 0;
    for (float v : px) {
      sum += v;
      sq += v * v;
    }
    double mean = sum / px.length;
    return Math.max(0.04, Math.sqrt(Math.max(0, sq / px.length - mean * mean)));
  }

  private static void blob(float[] px, float[] mask, int w, int h, double cx, double cy, double r, double amp) {
    int x0 = (int) Math.max(0, cx - 3 * r);
    int x1 = (int) Math.min(w - 1, cx + 3 * r);
    int y0 = (int) Math.max(0, cy - 3 * r);
    int y1 = (int) Math.min(h - 1, cy + 3 * r);
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (r * r);
        double g = Math.exp(-d2);
        px[y * w + x] += (float) (amp * g);
        if (g > 0.3) {
          mask[y * w + x] = 1;
        }
      }
    }
  }

  private static void line(float[] px, float[] mask, int w, int h, double cx, double cy, double angle, double len,
      double width, double amp, Random jagged) {
    int steps = (int) Math.ceil(len * 2);
    double x = cx - Math.cos(angle) * len / 2;
    double y = cy - Math.sin(angle) * len / 2;
    double a = angle;
    // Strongest paint per pixel, added once at the end: overlapping steps must not darken a pixel twice.
    float[] paint = new float[px.length];
    for (int s = 0; s < steps; s++) {
      if (jagged != null && s % 6 == 0) {
        a = angle + (jagged.nextDouble() - 0.5) * 0.9;
      }
      x += Math.cos(a) * 0.5;
      y += Math.sin(a) * 0.5;
      int r = (int) Math.ceil(width * 2);
      for (int yy = (int) y - r; yy <= (int) y + r; yy++) {
        for (int xx = (int) x - r; xx <= (int) x + r; xx++) {
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
            continue;
          }
          double d = Math.hypot(xx - x, yy - y) / width;
          double g = Math.exp(-d * d);
          int i = yy * w + xx;
          float target = (float) (amp * g);
          if (Math.abs(target) > Math.abs(paint[i])) {
            paint[i] = target;
          }
          if (g > 0.3) {
            mask[i] = 1;
          }
        }
      }
    }
    for (int i = 0; i < px.length; i++) {
      px[i] += paint[i];
    }
  }
}
