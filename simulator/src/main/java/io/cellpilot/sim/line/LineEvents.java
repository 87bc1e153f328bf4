package io.cellpilot.sim.line;

/** What the line tells the rest of the cell, on the simulation thread. */
public interface LineEvents {

  /** A part was put on the belt at the infeed. */
  void partEntered(PartSpec part);

  /** A part passed under the press: one stroke. */
  void partPressed(PartSpec part);

  /** A part's centre passed under the camera. */
  void partAtCamera(PartSpec part);

  void lineFaulted(String reason);
}
