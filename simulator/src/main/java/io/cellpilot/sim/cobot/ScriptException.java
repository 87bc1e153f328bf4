package io.cellpilot.sim.cobot;

/** A URScript program the simulated controller cannot compile; the message names the line. */
final class ScriptException extends Exception {
  ScriptException(String message) {
    super(message);
  }
}
