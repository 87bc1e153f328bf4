package io.cellpilot.opcua.client;

import io.cellpilot.opcua.OpcStatus;
import java.util.List;

/** The outcome of one method call with its output arguments and, when the server gives them, a status per input. */
public record CallResult(MethodCall call, OpcStatus status, List<Object> outputs, List<OpcStatus> inputResults,
                         String detail) {
  public boolean isGood() {
    return status.isGood();
  }
}
