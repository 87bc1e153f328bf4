package io.cellpilot.opcua.client;

import io.cellpilot.opcua.OpcStatus;
import org.eclipse.milo.opcua.stack.core.StatusCodes;

/**
 * How far a {@link TagValue} can be trusted: good, uncertain, or bad with a {@link Reason}, the OPC UA status behind
 * it and a sentence for people. Only {@link Level#GOOD} values may drive decisions.
 */
public record Quality(Level level, Reason reason, OpcStatus status, String detail) {

  /** Severity as OPC UA defines it (OPC 10000-4 §7.39). */
  public enum Level { GOOD, UNCERTAIN, BAD }

  /** Why a value is not good; {@link #NONE} for good values. */
  public enum Reason {
    NONE,
    /** The server reports the value as uncertain (e.g. sensor not calibrated, last usable value). */
    UNCERTAIN,
    /** The node id or browse path does not exist on the server, or its namespace is missing. */
    NOT_FOUND,
    /** The connection to the PLC is down; the value is unknown, not its last good one. */
    COMM_FAILURE,
    /** The subscription stopped delivering (watchdog expired) although the connection looked up. */
    STALE,
    /** The value's type does not fit the tag (e.g. scaling of a non-number) or the server rejected the type. */
    TYPE,
    /** The user may not read or write the node, or it is not readable/writable. */
    ACCESS,
    /** The tag is not configured. */
    NOT_CONFIGURED,
    /** The server reports a bad status for the value itself (device failure, out of service, ...). */
    SERVER
  }

  public static final Quality GOOD = new Quality(Level.GOOD, Reason.NONE, OpcStatus.GOOD, "");

  public boolean isGood() {
    return level == Level.GOOD;
  }

  public static Quality bad(Reason reason, long statusCode, String detail) {
    return new Quality(Level.BAD, reason, OpcStatus.of(statusCode), detail);
  }

  /** A bad quality for a lost connection. */
  public static Quality commFailure(String detail) {
    return bad(Reason.COMM_FAILURE, StatusCodes.Bad_CommunicationError, detail);
  }

  /** Maps an OPC UA status (from a value, a monitored item or an operation) to a quality. */
  public static Quality fromStatus(long statusCode) {
    if (statusCode == StatusCodes.Good) {
      return GOOD; // the hot path: almost every notification; no name lookup
    }
    OpcStatus status = OpcStatus.of(statusCode);
    if (status.isGood()) {
      return new Quality(Level.GOOD, Reason.NONE, status, "");
    }
    if (status.isUncertain()) {
      return new Quality(Level.UNCERTAIN, Reason.UNCERTAIN, status, "server reports " + status.name());
    }
    return new Quality(Level.BAD, reasonOf(statusCode & 0xFFFF0000L), status, "server reports " + status.name());
  }

  private static Reason reasonOf(long code) {
    if (code == StatusCodes.Bad_NodeIdUnknown || code == StatusCodes.Bad_NodeIdInvalid
        || code == StatusCodes.Bad_NoMatch || code == StatusCodes.Bad_BrowseNameInvalid
        || code == StatusCodes.Bad_AttributeIdInvalid) {
      return Reason.NOT_FOUND;
    }
    if (code == StatusCodes.Bad_TypeMismatch || code == StatusCodes.Bad_DataTypeIdUnknown
        || code == StatusCodes.Bad_MonitoredItemFilterUnsupported || code == StatusCodes.Bad_FilterNotAllowed) {
      return Reason.TYPE;
    }
    if (code == StatusCodes.Bad_NotReadable || code == StatusCodes.Bad_NotWritable
        || code == StatusCodes.Bad_UserAccessDenied || code == StatusCodes.Bad_NotSupported) {
      return Reason.ACCESS;
    }
    if (code == StatusCodes.Bad_CommunicationError || code == StatusCodes.Bad_ConnectionClosed
        || code == StatusCodes.Bad_Timeout || code == StatusCodes.Bad_NoCommunication
        || code == StatusCodes.Bad_ServerNotConnected || code == StatusCodes.Bad_SessionClosed
        || code == StatusCodes.Bad_SessionIdInvalid || code == StatusCodes.Bad_SecureChannelClosed) {
      return Reason.COMM_FAILURE;
    }
    return Reason.SERVER;
  }

  @Override
  public String toString() {
    return level == Level.GOOD ? "GOOD" : level + "(" + reason + ", " + status.name()
        + (detail.isEmpty() ? "" : ": " + detail) + ")";
  }
}
