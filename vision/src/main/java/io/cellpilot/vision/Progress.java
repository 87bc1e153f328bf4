package io.cellpilot.vision;

/** Receives training progress; the CLI draws a bar, tests ignore it. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (phase, done, total, loss) -> {};

  /**
   * One step finished.
   *
   * @param phase what is running, e.g. {@code epoch} or {@code features}
   * @param loss the latest loss, NaN when the phase has none
   */
  void update(String phase, int done, int total, double loss);
}
