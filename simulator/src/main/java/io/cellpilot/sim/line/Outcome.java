package io.cellpilot.sim.line;

/** What became of a command to the line; the PLC turns each into its OPC UA status code. */
public record Outcome(Status status, String message) {

  /** The kinds of outcome; each maps to one OPC UA status code. */
  public enum Status {
    OK,
    INVALID_STATE,
    NOT_FOUND,
    INVALID_ARGUMENT
  }

  public static final Outcome OK = new Outcome(Status.OK, "");

  public static Outcome invalidState(String message) {
    return new Outcome(Status.INVALID_STATE, message);
  }

  public static Outcome notFound(String message) {
    return new Outcome(Status.NOT_FOUND, message);
  }

  public static Outcome invalidArgument(String message) {
    return new Outcome(Status.INVALID_ARGUMENT, message);
  }

  public boolean ok() {
    return status == Status.OK;
  }
}
