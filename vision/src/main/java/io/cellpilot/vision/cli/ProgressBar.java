package io.cellpilot.vision.cli;

import io.cellpilot.vision.Progress;
import java.io.PrintWriter;
import java.time.Duration;

/** Draws training progress on stderr: phase, step, loss and ETA, redrawn in place. */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final long start = System.nanoTime();
  private String lastPhase = "";
  private long phaseStart = start;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void update(String phase, int done, int total, double loss) {
    long now = System.nanoTime();
    if (!phase.equals(lastPhase)) {
      if (!lastPhase.isEmpty()) {
        err.println();
      }
      lastPhase = phase;
      phaseStart = now;
    }
    int filled = total <= 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    double elapsed = (now - phaseStart) / 1e9;
    String eta = done <= 0 || done >= total ? "" : " ETA " + format(Duration.ofMillis(
        (long) (elapsed / done * (total - done) * 1000)));
    String lossText = Double.isNaN(loss) ? "" : String.format(" loss %.4f", loss);
    err.printf("\r%-8s [%s%s] %d/%d%s%s   ", phase, "#".repeat(filled), "-".repeat(WIDTH - filled), done, total,
        lossText, eta);
    err.flush();
  }

  /** Ends the bar's line. */
  void finish() {
    if (!lastPhase.isEmpty()) {
      err.println();
      err.printf("done in %s%n", format(Duration.ofNanos(System.nanoTime() - start)));
      err.flush();
    }
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
  }
}
