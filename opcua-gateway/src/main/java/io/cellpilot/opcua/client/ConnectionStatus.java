package io.cellpilot.opcua.client;

import java.time.Instant;

/**
 * The current state of a PLC connection since {@code since}; {@code detail} says why it is not connected (last error,
 * a rejected certificate and which file to move), empty when connected.
 */
public record ConnectionStatus(String plc, ConnectionState state, Instant since, String detail) {
  public boolean isConnected() {
    return state == ConnectionState.CONNECTED;
  }
}
