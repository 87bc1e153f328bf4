package io.cellpilot.energy.attribution;

/** The line's state as the PLC reports it; UNKNOWN while it cannot be read. */
public enum LineState {
  RUNNING, STOPPED, FAULTED, UNKNOWN;

  /** The state named {@code s} (case-insensitive); UNKNOWN for anything else. */
  public static LineState parse(String s) {
    for (LineState v : values()) {
      if (v.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return v;
      }
    }
    return UNKNOWN;
  }

  /** True when the line is not producing but may be drawing power: its energy then is idle energy (waste). */
  public boolean idle() {
    return this == STOPPED || this == FAULTED;
  }
}
