package io.cellpilot.sim.camera;

import java.util.SplittableRandom;

/** Smooth low-frequency noise in [-1, 1]: random values on a coarse grid, interpolated with a smoothstep. */
final class ValueNoise {

  private final double cell;
  private final int columns;
  private final double[] grid;

  ValueNoise(int width, int height, double cell, SplittableRandom r) {
    this.cell = cell;
    this.columns = (int) Math.ceil(width / cell) + 2;
    int rows = (int) Math.ceil(height / cell) + 2;
    this.grid = new double[columns * rows];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = r.nextDouble() * 2 - 1;
    }
  }

  double at(double x, double y) {
    double gx = Math.max(0, x / cell);
    double gy = Math.max(0, y / cell);
    int ix = (int) gx;
    int iy = (int) gy;
    double fx = smooth(gx - ix);
    double fy = smooth(gy - iy);
    double a = grid[iy * columns + ix];
    double b = grid[iy * columns + ix + 1];
    double c = grid[(iy + 1) * columns + ix];
    double d = grid[(iy + 1) * columns + ix + 1];
    return (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }
}
