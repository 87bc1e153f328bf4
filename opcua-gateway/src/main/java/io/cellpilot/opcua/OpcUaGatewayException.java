package io.cellpilot.opcua;

/**
 * The one exception type of the OPC UA gateway; its {@link Code} says what kind of failure it is, its message says
 * precisely what was wrong (naming the configuration key, node or file).
 */
public final class OpcUaGatewayException extends RuntimeException {

  /** What kind of failure. */
  public enum Code {
    /** The configuration is invalid; the message names the key. */
    CONFIG,
    /** The peer is not connected, so the request was not sent. */
    NOT_CONNECTED,
    /** A certificate, trust list or key store problem. */
    SECURITY,
    /** The server answered a whole request with a bad service result. */
    SERVICE,
    /** The server (ours) could not start or stop. */
    SERVER,
    /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
    INTERRUPTED
  }

  private final Code code;

  public OpcUaGatewayException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public OpcUaGatewayException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
