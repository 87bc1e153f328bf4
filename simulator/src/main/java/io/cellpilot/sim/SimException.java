package io.cellpilot.sim;

/**
 * The simulator's one exception type: a {@link Code} says what kind of failure it is, the message says precisely what
 * was wrong (naming the configuration key, the scenario entry or the endpoint).
 */
public final class SimException extends RuntimeException {

  /** What kind of failure this is. */
  public enum Code {
    /** A configuration value or key is invalid; the message names the key path. */
    INVALID_CONFIG,
    /** A scenario (fault) file or a fault given at run time is invalid; the message names the entry. */
    INVALID_SCENARIO,
    /** A part of the cell could not start (port taken, broker unreachable, ...). */
    START_FAILED,
    /** Reading or writing a file failed. */
    IO
  }

  private final Code code;

  public SimException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public SimException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  static SimException config(String message) {
    return new SimException(Code.INVALID_CONFIG, message);
  }
}
