package io.cellpilot.controller;

/**
 * A piece of the running cell that {@link CellRuntime} starts and stops in a fixed order, whatever order the container
 * creates and destroys beans in: parts with a negative order (the publishers) start before the sources and stop after
 * them, the others start after the sources and stop before them; lower orders start first and stop last.
 */
public interface CellPart {

  /** For logs. */
  String name();

  int order();

  /** Starts; returns quickly (long work such as reaching a robot goes to the part's own thread). */
  void start();

  /** Stops; idempotent, never throws. */
  void stop();

  /** Nothing to run (the feature is not configured). */
  CellPart NONE = new CellPart() {
    @Override
    public String name() {
      return "none";
    }

    @Override
    public int order() {
      return 0;
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}
  };
}
