package io.cellpilot.sim.time;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that moves simulated time: it takes a model step whenever the wall clock, scaled, has passed the
 * next step's time. When it falls behind (a loaded machine, a pause) it catches up step by step, never skipping, so
 * the results stay those of the seed; only their delivery is late.
 */
public final class SimLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SimLoop.class);
  private static final long MIN_PARK_NANOS = 200_000;

  private final String name;
  private final SimClock clock;
  private final Runnable step;
  private final Thread thread;
  private volatile boolean running;
  private volatile long failures;

  /** {@code step} advances the model (and the clock) by one step. */
  public SimLoop(String name, SimClock clock, Runnable step) {
    this.name = name;
    this.clock = clock;
    this.step = step;
    this.thread = new Thread(this::run, "cellpilot-sim-loop-" + name);
    this.thread.setDaemon(true);
  }

  public synchronized void start() {
    if (!running) {
      running = true;
      thread.start();
    }
  }

  /** Steps that threw; each is logged, and the loop goes on. */
  public long failures() {
    return failures;
  }

  private void run() {
    long wallStart = System.nanoTime();
    double wallPerStep = clock.stepNanos() / clock.scale();
    long done = 0;
    while (running) {
      long target = wallStart + (long) ((done + 1) * wallPerStep);
      long wait = target - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(Math.max(wait, MIN_PARK_NANOS));
        continue;
      }
      try {
        step.run();
      } catch (RuntimeException e) {
        failures++;
        log.error("[{}] simulation step {} failed; the cell goes on", name, done, e);
      }
      done++;
    }
  }

  /** Stops the loop and waits for the step in progress to finish. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    if (thread.isAlive() && Thread.currentThread() != thread) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
