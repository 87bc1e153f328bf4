package io.cellpilot.controller.ingest;

import java.net.URI;

/**
 * Where and as whom an MQTT client connects.
 *
 * @param socketFactory for {@code ssl://} brokers (TLS with the configured trust); null: plain TCP with TCP_NODELAY
 */
public record MqttEndpoint(URI brokerUrl, String clientId, String username, String password,
                           javax.net.SocketFactory socketFactory) {

  /** A plain TCP endpoint (TCP_NODELAY, DEPENDENCIES.md pitfall 3). */
  public MqttEndpoint(URI brokerUrl, String clientId, String username, String password) {
    this(brokerUrl, clientId, username, password, null);
  }

  @Override
  public String toString() {
    // Never print the password.
    return brokerUrl + " as " + clientId + (username == null ? "" : " (user " + username + ")");
  }
}
