package io.cellpilot.controller.ingest;

import java.net.URI;

/** Where and as whom an MQTT client connects. */
public record MqttEndpoint(URI brokerUrl, String clientId, String username, String password) {
  @Override
  public String toString() {
    // Never print the password.
    return brokerUrl + " as " + clientId + (username == null ? "" : " (user " + username + ")");
  }
}
