package io.cellpilot.sim.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time, kept apart from the wall clock. It moves only when the model takes a step, by exactly one step,
 * so everything computed from it is the same on every run with the same seed, however loaded the machine is.
 * {@link #scale()} says how fast it is meant to run against the wall clock (1 = real time, 10 = ten times faster).
 */
public final class SimClock {

  private final Instant epoch;
  private final long stepNanos;
  private final double scale;
  private volatile long steps;

  public SimClock(Instant epoch, Duration step, double scale) {
    this.epoch = epoch;
    this.stepNanos = step.toNanos();
    this.scale = scale;
  }

  /** The simulated instant now; timestamps of every simulated device use it. */
  public Instant now() {
    return epoch.plusNanos(elapsedNanos());
  }

  /** The simulated instant at start-up. */
  public Instant epoch() {
    return epoch;
  }

  /** Simulated nanoseconds since start-up. */
  public long elapsedNanos() {
    return steps * stepNanos;
  }

  public Duration elapsed() {
    return Duration.ofNanos(elapsedNanos());
  }

  public long stepNanos() {
    return stepNanos;
  }

  public long steps() {
    return steps;
  }

  public double scale() {
    return scale;
  }

  /** How long {@code simulated} takes on the wall clock at this clock's scale. */
  public Duration toWall(Duration simulated) {
    return Duration.ofNanos(Math.round(simulated.toNanos() / scale));
  }

  /** Advances by one step. Only the thread that steps the model calls this. */
  public void advance() {
    steps = steps + 1; // single writer: the stepping thread
  }
}
