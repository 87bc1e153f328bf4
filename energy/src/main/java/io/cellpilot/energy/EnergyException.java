package io.cellpilot.energy;

/** The energy module's one exception type; {@link #code()} says what kind of problem it is. */
public final class EnergyException extends RuntimeException {

  /** What went wrong. */
  public enum Code {
    /** A setting is missing or out of range; the message names the key. */
    INVALID_CONFIG,
    /** No emission factor for the configured key; the message names the setting and the known keys. */
    MISSING_FACTOR,
    /** A factor table (shipped or the user's file) cannot be read; the message names file and line. */
    INVALID_FACTOR_TABLE,
    /** A report range holds no recorded data. */
    EMPTY_RANGE,
    /** Records could not be read or written. */
    IO
  }

  private final Code code;

  public EnergyException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public EnergyException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
