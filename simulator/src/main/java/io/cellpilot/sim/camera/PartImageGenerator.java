package io.cellpilot.sim.camera;

import io.cellpilot.sim.model.Seeds;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws synthetic camera images of parts: a machined flange on a dark belt, with the variation a real station sees
 * (position, rotation, size tolerance, overall brightness, a lighting gradient, vignetting, turning marks, texture
 * and sensor noise) and, optionally, one defect with its pixel mask. A pure function of (seed, defect): the same
 * seed gives the same bytes, and the same seed with and without a defect gives the same part, so the difference
 * between the two is the defect alone. Thread-safe.
 */
public final class PartImageGenerator {

  private final int width;
  private final int height;

  public PartImageGenerator(int width, int height) {
    if (width < 32 || height < 32) {
      throw new IllegalArgumentException("images must be at least 32 x 32 pixels, was " + width + " x " + height);
    }
    this.width = width;
    this.height = height;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The image of the part drawn from {@code seed}, with {@code defect} (empty: a good part). */
  public PartImage render(long seed, Optional<DefectKind> defect) {
    SplittableRandom base = new SplittableRandom(seed);
    PartGeometry part = PartGeometry.random(width, height, base);
    double size = Math.min(width, height);
    // Lighting and finish, drawn before anything defect-related so that they do not depend on the defect.
    double gain = 0.86 + 0.26 * base.nextDouble();
    double lightAngle = base.nextDouble() * 2 * Math.PI;
    double gradient = 0.03 + 0.09 * base.nextDouble();
    double vignette = 0.05 + 0.10 * base.nextDouble();
    double metal = 145 + 25 * base.nextDouble();
    double ringPeriod = 2.5 + 1.5 * base.nextDouble();
    double ringAmp = 2 + 3 * base.nextDouble();
    double ringPhase = base.nextDouble() * 2 * Math.PI;
    double texture = 3 + 3 * base.nextDouble();
    double blotchAmp = 2 + 4 * base.nextDouble();
    double belt = 35 + 20 * base.nextDouble();
    ValueNoise blotch = new ValueNoise(width, height, size / 8, base);

    SurfaceDefect flaw = null;
    if (defect.isPresent()) {
      SplittableRandom dr = new SplittableRandom(Seeds.derive(seed, "defect", 0));
      if (defect.get() == DefectKind.MISSING_FEATURE) {
        part = part.withoutFeature(dr.nextDouble() < 0.75 ? dr.nextInt(part.holes.size()) : -1);
      }
      double lightInPart = lightAngle - Math.atan2(part.sin, part.cos);
      flaw = SurfaceDefect.create(defect.get(), part, lightInPart, dr);
    }
    double[] box = flaw == null ? null : flaw.bounds();

    SplittableRandom grain = new SplittableRandom(Seeds.derive(seed, "grain", 0));
    SplittableRandom sensor = new SplittableRandom(Seeds.derive(seed, "sensor", 0));
    // The part's shadow falls away from the light, a few pixels.
    double shadowU = -Math.cos(lightAngle - Math.atan2(part.sin, part.cos)) * 0.012 * size;
    double shadowV = -Math.sin(lightAngle - Math.atan2(part.sin, part.cos)) * 0.012 * size;
    double half = size / 2;
    byte[] pixels = new byte[width * height];
    byte[] mask = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double px = x + 0.5;
        double py = y + 0.5;
        double u = part.toU(px, py);
        double v = part.toV(px, py);
        double d = part.signedDistance(u, v);
        double cover = Math.max(0, Math.min(1, 0.5 - d));
        double grainNoise = grain.nextGaussian();
        double beltNoise = grain.nextGaussian();
        double value = 0;
        if (cover > 0) {
          double edge = Math.max(0, -d);
          double m = metal + ringAmp * Math.sin(2 * Math.PI * Math.hypot(u, v) / ringPeriod + ringPhase)
              + blotchAmp * blotch.at(px, py) + texture * grainNoise;
          if (edge < part.chamfer) {
            m += 22 * (1 - edge / part.chamfer);
          }
          if (inBox(box, u, v)) {
            m += flaw.delta(u, v);
          }
          value += cover * m;
        }
        // Surface defects are marked on the material only; a missing notch also changes the belt and shadow
        // around it, so its mask is the whole place where the feature should have been.
        if (inBox(box, u, v) && (cover > 0 || defect.get() == DefectKind.MISSING_FEATURE) && flaw.masked(u, v)) {
          mask[y * width + x] = (byte) 255;
        }
        if (cover < 1) {
          double shade = Math.max(0, Math.min(1, 0.5 - part.signedDistance(u - shadowU, v - shadowV)));
          double b = belt + 3 * Math.sin(0.9 * x) * Math.sin(0.9 * y) + 4 * beltNoise - 10 * shade;
          value += (1 - cover) * b;
        }
        double gx = (px - width / 2.0) / half;
        double gy = (py - height / 2.0) / half;
        double light = gain * (1 + gradient * (gx * Math.cos(lightAngle) + gy * Math.sin(lightAngle)))
            * (1 - vignette * (gx * gx + gy * gy) / 2);
        double grey = value * light + 2 * sensor.nextGaussian();
        pixels[y * width + x] = (byte) Math.max(0, Math.min(255, Math.round(grey)));
      }
    }
    return new PartImage(width, height, pixels, defect, mask);
  }

  private static boolean inBox(double[] box, double u, double v) {
    return box != null && u >= box[0] && u <= box[1] && v >= box[2] && v <= box[3];
  }
}
