package io.cellpilot.sim.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the part lies in the image and what it looks like as a shape: a round flange with a central bore, four bolt
 * holes and an orientation notch on its rim. Part coordinates (u, v) are pixels, rotated with the part, origin at
 * its centre. {@link #signedDistance} is negative inside material, positive in holes and outside.
 */
final class PartGeometry {

  /** A hole position in part coordinates. */
  record Hole(double u, double v, double radius) {}

  final double cx;
  final double cy;
  final double cos;
  final double sin;
  final double radius;
  final double boreRadius;
  final double chamfer;
  final double notchRadius;
  final List<Hole> holes;
  final boolean notch;
  /** Where the missing feature should have been (u, v, radius); null unless one is missing. */
  Hole missing;

  private PartGeometry(double cx, double cy, double angle, double radius, List<Hole> holes, boolean notch) {
    this.cx = cx;
    this.cy = cy;
    this.cos = Math.cos(angle);
    this.sin = Math.sin(angle);
    this.radius = radius;
    this.boreRadius = 0.27 * radius;
    this.chamfer = Math.max(1.2, 0.035 * radius);
    this.notchRadius = 0.075 * radius;
    this.holes = holes;
    this.notch = notch;
  }

  /** A part placed with the usual handling scatter: a few percent off centre, any rotation, 1 % size tolerance. */
  static PartGeometry random(int width, int height, SplittableRandom r) {
    double size = Math.min(width, height);
    double cx = width / 2.0 + clamp(r.nextGaussian() * 0.03, -0.06, 0.06) * size;
    double cy = height / 2.0 + clamp(r.nextGaussian() * 0.03, -0.06, 0.06) * size;
    double angle = r.nextDouble() * 2 * Math.PI;
    double radius = 0.36 * size * (1 + clamp(r.nextGaussian() * 0.01, -0.03, 0.03));
    List<Hole> holes = new ArrayList<>();
    double ring = 0.66 * radius;
    double holeRadius = 0.085 * radius;
    for (int k = 0; k < 4; k++) {
      double a = Math.PI / 4 + k * Math.PI / 2;
      holes.add(new Hole(ring * Math.cos(a), ring * Math.sin(a), holeRadius));
    }
    return new PartGeometry(cx, cy, angle, radius, holes, true);
  }

  /** The same part with one feature never machined: bolt hole {@code hole}, or the notch when {@code hole < 0}. */
  PartGeometry withoutFeature(int hole) {
    List<Hole> kept = new ArrayList<>(holes);
    PartGeometry g;
    if (hole >= 0) {
      Hole gone = kept.remove(hole);
      g = new PartGeometry(cx, cy, Math.atan2(sin, cos), radius, kept, notch);
      g.missing = gone;
    } else {
      g = new PartGeometry(cx, cy, Math.atan2(sin, cos), radius, kept, false);
      g.missing = new Hole(radius, 0, notchRadius);
    }
    return g;
  }

  double toU(double x, double y) {
    return (x - cx) * cos + (y - cy) * sin;
  }

  double toV(double x, double y) {
    return -(x - cx) * sin + (y - cy) * cos;
  }

  /** Negative inside material (minus the distance to the nearest edge), positive outside it. */
  double signedDistance(double u, double v) {
    double r = Math.sqrt(u * u + v * v);
    double d = r - radius;
    d = Math.max(d, boreRadius - r);
    if (notch) {
      d = Math.max(d, notchRadius - Math.hypot(u - radius, v));
    }
    for (Hole h : holes) {
      double du = u - h.u();
      double dv = v - h.v();
      // Only holes near this pixel can matter; skipping the square root elsewhere saves most of the time.
      if (Math.abs(du) < h.radius() + 4 * chamfer && Math.abs(dv) < h.radius() + 4 * chamfer) {
        d = Math.max(d, h.radius() - Math.sqrt(du * du + dv * dv));
      }
    }
    return d;
  }

  /** A random point on the flat face, at least {@code margin} pixels from every edge. */
  double[] randomFacePoint(SplittableRandom r, double margin) {
    for (int attempt = 0; attempt < 200; attempt++) {
      double a = r.nextDouble() * 2 * Math.PI;
      double rr = boreRadius + margin + r.nextDouble() * (radius - boreRadius - 2 * margin);
      double u = rr * Math.cos(a);
      double v = rr * Math.sin(a);
      if (signedDistance(u, v) < -margin) {
        return new double[] {u, v};
      }
    }
    return new double[] {(boreRadius + radius) / 2, 0};
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
