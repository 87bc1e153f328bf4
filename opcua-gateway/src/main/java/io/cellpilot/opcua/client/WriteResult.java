package io.cellpilot.opcua.client;

import io.cellpilot.opcua.OpcStatus;

/** The outcome of one write, e.g. {@code Bad_TypeMismatch} or {@code Bad_NotWritable}; {@code detail} says more. */
public record WriteResult(TagRef ref, OpcStatus status, String detail) {
  public boolean isGood() {
    return status.isGood();
  }
}
