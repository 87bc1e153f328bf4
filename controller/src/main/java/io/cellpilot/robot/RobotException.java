package io.cellpilot.robot;

/** A robot driver operation failed; the code says which kind of failure, the message says precisely what. */
public final class RobotException extends RuntimeException {

  /** Kinds of failure. */
  public enum Code { CONFIGURATION, CONNECTION, PROTOCOL, ROBOT_NOT_READY, WRONG_STATE }

  private final Code code;

  public RobotException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public RobotException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
