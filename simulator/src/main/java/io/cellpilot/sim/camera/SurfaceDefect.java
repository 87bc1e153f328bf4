package io.cellpilot.sim.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A defect on the part's face, in part coordinates: how much it changes the grey level of the material, and where
 * the ground-truth mask marks it. Contrasts are kept close to the surface's own texture so that a model has to learn
 * shapes, not brightness.
 */
interface SurfaceDefect {

  /** Grey-level change of the material at (u, v); 0 away from the defect. */
  double delta(double u, double v);

  /** True where the ground-truth mask marks the defect. */
  boolean masked(double u, double v);

  /** {uMin, uMax, vMin, vMax}: nothing of the defect lies outside. */
  double[] bounds();

  /** Makes a defect of {@code kind} on {@code part}; {@code light} is the light's direction in part coordinates. */
  static SurfaceDefect create(DefectKind kind, PartGeometry part, double light, SplittableRandom r) {
    return switch (kind) {
      case SCRATCH -> line(part, r, false);
      case CRACK -> line(part, r, true);
      case PIT -> pits(part, light, r);
      case STAIN -> stain(part, r);
      case MISSING_FEATURE -> missing(part);
    };
  }

  /** A scratch (straight or gently curved, bright or dark) or a crack (dark, jagged, from an edge, maybe branched). */
  private static SurfaceDefect line(PartGeometry part, SplittableRandom r, boolean crack) {
    List<List<double[]>> paths = new ArrayList<>();
    double width;
    double contrast;
    if (!crack) {
      paths.add(scratchPath(part, r));
      width = 0.6 + 0.5 * r.nextDouble();
      contrast = (16 + 16 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
    } else {
      // Cracks start where stress concentrates: at a bolt hole, the bore or the rim.
      int anchor = r.nextInt(part.holes.size() + 2);
      double a = r.nextDouble() * 2 * Math.PI;
      double[] start;
      double heading;
      if (anchor < part.holes.size()) {
        PartGeometry.Hole h = part.holes.get(anchor);
        start = new double[] {h.u() + Math.cos(a) * h.radius(), h.v() + Math.sin(a) * h.radius()};
        heading = a;
      } else if (anchor == part.holes.size()) {
        start = new double[] {Math.cos(a) * part.boreRadius, Math.sin(a) * part.boreRadius};
        heading = a;
      } else {
        start = new double[] {Math.cos(a) * part.radius, Math.sin(a) * part.radius};
        heading = a + Math.PI;
      }
      paths.add(walk(start, heading, 10 + r.nextInt(16), r));
      if (r.nextDouble() < 0.5) {
        List<double[]> trunk = paths.get(0);
        double[] fork = trunk.get(trunk.size() / 2);
        paths.add(walk(fork, heading + (r.nextBoolean() ? 0.8 : -0.8), 4 + r.nextInt(6), r));
      }
      width = 0.55 + 0.35 * r.nextDouble();
      contrast = -(30 + 25 * r.nextDouble());
    }
    List<Polyline> lines = paths.stream().map(Polyline::new).toList();
    double w = width;
    double c = contrast;
    double reach = 2.5 * w + 1.5;
    double[] bounds = lines.get(0).bounds(reach);
    for (Polyline l : lines) {
      double[] b = l.bounds(reach);
      bounds = new double[] {Math.min(bounds[0], b[0]), Math.max(bounds[1], b[1]), Math.min(bounds[2], b[2]),
          Math.max(bounds[3], b[3])};
    }
    double[] box = bounds;
    boolean tapered = !crack;
    return new SurfaceDefect() {
      public double delta(double u, double v) {
        double strongest = 0;
        for (Polyline l : lines) {
          double[] dt = l.closest(u, v);
          double taper = tapered ? Math.pow(Math.sin(Math.PI * dt[1]), 0.3) : 1 - 0.6 * dt[1];
          strongest = Math.max(strongest, taper * Math.exp(-0.5 * (dt[0] / w) * (dt[0] / w)));
        }
        return c * strongest;
      }

      public boolean masked(double u, double v) {
        for (Polyline l : lines) {
          if (l.closest(u, v)[0] <= reach) {
            return true;
          }
        }
        return false;
      }

      public double[] bounds() {
        return box;
      }
    };
  }

  /** A gently curved stroke across the face that stops before it would run into a hole or off the edge. */
  private static List<double[]> scratchPath(PartGeometry part, SplittableRandom r) {
    List<double[]> best = List.of();
    for (int attempt = 0; attempt < 12; attempt++) {
      double[] start = part.randomFacePoint(r, 6);
      double angle = r.nextDouble() * 2 * Math.PI;
      double length = part.radius * (0.22 + 0.3 * r.nextDouble());
      double bend = (r.nextDouble() - 0.5) * 0.16 * length;
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i <= 16; i++) {
        double t = i / 16.0;
        double off = 4 * bend * t * (1 - t);
        double u = start[0] + Math.cos(angle) * length * t - Math.sin(angle) * off;
        double v = start[1] + Math.sin(angle) * length * t + Math.cos(angle) * off;
        if (part.signedDistance(u, v) > -3) {
          break;
        }
        pts.add(new double[] {u, v});
      }
      if (pts.size() > best.size()) {
        best = pts;
      }
      if (best.size() >= 9) {
        break;
      }
    }
    if (best.size() < 2) {
      double[] p = part.randomFacePoint(r, 6);
      return List.of(p, new double[] {p[0] + 1, p[1]});
    }
    return best;
  }

  private static List<double[]> walk(double[] start, double heading, int steps, SplittableRandom r) {
    List<double[]> pts = new ArrayList<>();
    pts.add(start);
    double u = start[0];
    double v = start[1];
    double h = heading;
    for (int i = 0; i < steps; i++) {
      h += (r.nextDouble() - 0.5) * 1.0;
      u += Math.cos(h) * 1.6;
      v += Math.sin(h) * 1.6;
      pts.add(new double[] {u, v});
    }
    return pts;
  }

  /** One to three blowholes close together: dark pits with a bright rim where the light grazes their edge. */
  private static SurfaceDefect pits(PartGeometry part, double light, SplittableRandom r) {
    double[] centre = part.randomFacePoint(r, 10);
    int n = 1 + r.nextInt(3);
    double[][] pits = new double[n][];
    for (int i = 0; i < n; i++) {
      double radius = 1.8 + 2.7 * r.nextDouble();
      double du = i == 0 ? 0 : (r.nextDouble() - 0.5) * 16;
      double dv = i == 0 ? 0 : (r.nextDouble() - 0.5) * 16;
      pits[i] = new double[] {centre[0] + du, centre[1] + dv, radius, 40 + 30 * r.nextDouble()};
    }
    return new SurfaceDefect() {
      public double delta(double u, double v) {
        double sum = 0;
        for (double[] p : pits) {
          double d = Math.hypot(u - p[0], v - p[1]);
          if (d < p[2]) {
            sum -= p[3] * (1 - (d / p[2]) * (d / p[2]));
          } else if (d < p[2] + 1.5) {
            sum += 0.4 * p[3] * Math.max(0, Math.cos(Math.atan2(v - p[1], u - p[0]) - light));
          }
        }
        return sum;
      }

      public boolean masked(double u, double v) {
        for (double[] p : pits) {
          if (Math.hypot(u - p[0], v - p[1]) <= p[2] + 2) {
            return true;
          }
        }
        return false;
      }

      public double[] bounds() {
        return new double[] {centre[0] - 16, centre[0] + 16, centre[1] - 16, centre[1] + 16};
      }
    };
  }

  /** Residue or oil: a soft, irregular blob a little darker or brighter than the metal, with a faint ripple. */
  private static SurfaceDefect stain(PartGeometry part, SplittableRandom r) {
    double[] centre = part.randomFacePoint(r, 12);
    int n = 2 + r.nextInt(3);
    double[][] blobs = new double[n][];
    for (int i = 0; i < n; i++) {
      blobs[i] = new double[] {centre[0] + (r.nextDouble() - 0.5) * 18, centre[1] + (r.nextDouble() - 0.5) * 18,
          5 + 7 * r.nextDouble()};
    }
    double amplitude = (10 + 10 * r.nextDouble()) * (r.nextDouble() < 0.65 ? -1 : 1);
    double threshold = Math.max(3, 0.2 * Math.abs(amplitude));
    double ripple = r.nextDouble() * 2 * Math.PI;
    return new SurfaceDefect() {
      public double delta(double u, double v) {
        double s = 0;
        for (double[] b : blobs) {
          double d2 = (u - b[0]) * (u - b[0]) + (v - b[1]) * (v - b[1]);
          s = Math.max(s, Math.exp(-0.5 * d2 / (b[2] * b[2])));
        }
        return amplitude * s * (1 + 0.2 * Math.sin(0.7 * u + 0.5 * v + ripple));
      }

      public boolean masked(double u, double v) {
        return Math.abs(delta(u, v)) >= threshold;
      }

      public double[] bounds() {
        return new double[] {centre[0] - 50, centre[0] + 50, centre[1] - 50, centre[1] + 50};
      }
    };
  }

  /** The feature itself is gone from the geometry; the mask marks where it should have been. */
  private static SurfaceDefect missing(PartGeometry part) {
    PartGeometry.Hole m = part.missing;
    double reach = m.radius() + part.chamfer + 2;
    return new SurfaceDefect() {
      public double delta(double u, double v) {
        return 0;
      }

      public boolean masked(double u, double v) {
        return Math.hypot(u - m.u(), v - m.v()) <= reach;
      }

      public double[] bounds() {
        return new double[] {m.u() - reach, m.u() + reach, m.v() - reach, m.v() + reach};
      }
    };
  }
}
