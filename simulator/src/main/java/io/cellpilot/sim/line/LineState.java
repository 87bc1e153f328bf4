package io.cellpilot.sim.line;

/** The line's state as the PLC shows it: {@code Line1/State} is {@link #code()}, {@code Line1/StateText} the name. */
public enum LineState {
  STOPPED(0),
  RUNNING(1),
  FAULTED(2);

  private final int code;

  LineState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
