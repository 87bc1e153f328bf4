package io.cellpilot.vision.image;

import io.cellpilot.vision.image.SyntheticDefects.Defective;
import io.cellpilot.vision.image.SyntheticDefects.Kind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Small synthetic part images (a machined disc with a bore and holes on a belt, lit unevenly, with sensor noise) and
 * MVTec-layout folders of them, for tests and benchmarks that must run without the real photographs.
 */
public final class SyntheticParts {
  private SyntheticParts() {}

  /** One good part, slightly shifted, rotated and lit differently each time. */
  public static GreyImage part(int side, Random random) {
    float[] px = new float[side * side];
    double cx = side / 2.0 + (random.nextDouble() - 0.5) * side * 0.06;
    double cy = side / 2.0 + (random.nextDouble() - 0.5) * side * 0.06;
    double r = side * (0.36 + random.nextDouble() * 0.02);
    double rot = random.nextDouble() * Math.PI * 2;
    double light = 0.9 + random.nextDouble() * 0.2;
    double gx = (random.nextDouble() - 0.5) * 0.2;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double dx = x - cx;
        double dy = y - cy;
        double d = Math.hypot(dx, dy);
        double v = 0.15 + 0.02 * Math.sin(y * 0.7); // belt with a fine weave
        if (d < r) {
          v = 0.55 + 0.08 * Math.cos(d / r * 3) + gx * dx / r; // turned surface, graded light
          if (d < r * 0.25) {
            v = 0.2; // bore
          }
          for (int h = 0; h < 4; h++) {
            double a = rot + h * Math.PI / 2;
            double hx = cx + Math.cos(a) * r * 0.62;
            double hy = cy + Math.sin(a) * r * 0.62;
            if (Math.hypot(x - hx, y - hy) < r * 0.08) {
              v = 0.25; // bolt hole
            }
          }
        }
        px[y * side + x] = (float) Math.max(0, Math.min(1, v * light + random.nextGaussian() * 0.015));
      }
    }
    return new GreyImage(side, side, px);
  }

  /**
   * Writes {@code train/good}, {@code test/good}, {@code test/<kind>} for the given kinds with
   * {@code ground_truth/<kind>/*_mask.png}.
   */
  public static void writeDataset(Path root, int side, int trainGood, int testGood, int perDefect, List<Kind> kinds,
      long seed) {
    Random random = new Random(seed);
    try {
      for (int i = 0; i < trainGood; i++) {
        write(root.resolve("train/good/" + String.format("%03d.png", i)), part(side, random));
      }
      for (int i = 0; i < testGood; i++) {
        write(root.resolve("test/good/" + String.format("%03d.png", i)), part(side, random));
      }
      for (Kind kind : kinds) {
        String type = kind.name().toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < perDefect; i++) {
          Defective d = SyntheticDefects.paint(part(side, random), kind, random);
          write(root.resolve("test/" + type + "/" + String.format("%03d.png", i)), d.image());
          write(root.resolve("ground_truth/" + type + "/" + String.format("%03d_mask.png", i)), d.mask());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, GreyImage image) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, Images.toPng(image));
  }

  /** PNG bytes of a part image, as a camera would send them. */
  public static byte[] png(GreyImage image) {
    return Images.toPng(image);
  }

  /** 16-bit grey version of an image (for decoder tests). */
  public static BufferedImage to16Bit(GreyImage image) {
    BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        out.getRaster().setSample(x, y, 0, Math.round(image.at(x, y) * 65535));
      }
    }
    return out;
  }
}
