package io.cellpilot.robot.ur;

/**
 * Package timing measured at the client against the robot's {@code timestamp}: a package is missed when the robot's
 * clock skips more than one period between two packages, late when it arrives more than one period later than the
 * best (smallest) arrival offset seen so far. Written by the RTDE reader thread, read from anywhere.
 */
public final class RtdeStats {

  private long packages;
  private long missed;
  private long late;
  private long maxLatenessNanos;
  private double lastTimestamp = Double.NaN;
  private long minOffsetNanos = Long.MAX_VALUE;

  synchronized void record(double robotSeconds, long receivedNanos, double period) {
    packages++;
    if (!Double.isNaN(lastTimestamp)) {
      double gap = robotSeconds - lastTimestamp;
      if (gap > 1.5 * period) {
        missed += Math.round(gap / period) - 1;
      }
    }
    lastTimestamp = robotSeconds;
    long offset = receivedNanos - (long) (robotSeconds * 1e9);
    minOffsetNanos = Math.min(minOffsetNanos, offset);
    long lateness = offset - minOffsetNanos;
    if (lateness > period * 1e9) {
      late++;
    }
    maxLatenessNanos = Math.max(maxLatenessNanos, lateness);
  }

  /** Starts counting afresh (e.g. after a warm-up), keeping the best offset seen. */
  public synchronized void reset() {
    packages = 0;
    missed = 0;
    late = 0;
    maxLatenessNanos = 0;
  }

  public synchronized long packages() {
    return packages;
  }

  public synchronized long missed() {
    return missed;
  }

  public synchronized long late() {
    return late;
  }

  public synchronized double maxLatenessMillis() {
    return maxLatenessNanos / 1e6;
  }
}
