package io.cellpilot.status.mqtt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The plant broker connection (YAML {@code cellpilot.mqtt.*}). TLS and credentials are configuration: an
 * {@code ssl://} URI with a CA file (PEM) trusts that CA; a PKCS#12 key store adds a client certificate.
 *
 * @param serverUri {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param clientIdPrefix client ids are {@code <prefix>-json} and {@code <prefix>-sparkplug}
 * @param username null for none
 * @param password null for none
 * @param caFile PEM certificate(s) to trust for {@code ssl://}; null: the JVM's default trust store
 * @param keyStore PKCS#12 file with the client certificate and key; null for none
 * @param keyStorePassword password of {@code keyStore}
 * @param keepAlive MQTT keep-alive
 * @param connectTimeout how long one connection attempt may take
 * @param maxInflight QoS 1 messages in flight per connection
 */
public record MqttConfig(
    String serverUri, String clientIdPrefix, String username, String password, Path caFile, Path keyStore,
    String keyStorePassword, Duration keepAlive, Duration connectTimeout, int maxInflight) {

  public MqttConfig {
    if (serverUri == null || !serverUri.matches("(tcp|ssl)://[^/:]+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "cellpilot.mqtt.server-uri must look like tcp://host:1883 or ssl://host:8883, was '" + serverUri + "'");
    }
    if (clientIdPrefix == null || !clientIdPrefix.matches("[A-Za-z0-9_.-]{1,40}")) {
      throw new IllegalArgumentException(
          "cellpilot.mqtt.client-id-prefix must be 1-40 letters, digits, '_', '.', '-', was '" + clientIdPrefix + "'");
    }
    if (password != null && username == null) {
      throw new IllegalArgumentException("cellpilot.mqtt.password is set but cellpilot.mqtt.username is not");
    }
    if (caFile != null && !Files.isReadable(caFile)) {
      throw new IllegalArgumentException("cellpilot.mqtt.tls.ca-file cannot be read: " + caFile);
    }
    if (keyStore != null && !Files.isReadable(keyStore)) {
      throw new IllegalArgumentException("cellpilot.mqtt.tls.key-store cannot be read: " + keyStore);
    }
    if ((caFile != null || keyStore != null) && !serverUri.startsWith("ssl://")) {
      throw new IllegalArgumentException("cellpilot.mqtt.tls.* is set but cellpilot.mqtt.server-uri is not ssl://");
    }
    if (keepAlive == null || keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > 65535) {
      throw new IllegalArgumentException("cellpilot.mqtt.keep-alive must be between 1s and 65535s, was " + keepAlive);
    }
    if (connectTimeout == null || connectTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("cellpilot.mqtt.connect-timeout must be at least 1s, was " + connectTimeout);
    }
    if (maxInflight < 1 || maxInflight > 65535) {
      throw new IllegalArgumentException("cellpilot.mqtt.max-inflight must be between 1 and 65535, was " + maxInflight);
    }
  }

  /** Plain TCP, no credentials, keep-alive 10 s, connect timeout 5 s, 1000 messages in flight. */
  public static MqttConfig plain(String serverUri, String clientIdPrefix) {
    return new MqttConfig(serverUri, clientIdPrefix, null, null, null, null, null, Duration.ofSeconds(10),
        Duration.ofSeconds(5), 1000);
  }

  public MqttConfig withCredentials(String user, String secret) {
    return new MqttConfig(serverUri, clientIdPrefix, user, secret, caFile, keyStore, keyStorePassword, keepAlive,
        connectTimeout, maxInflight);
  }

  public MqttConfig withTls(Path ca, Path clientKeyStore, String clientKeyStorePassword) {
    return new MqttConfig(serverUri, clientIdPrefix, username, password, ca, clientKeyStore, clientKeyStorePassword,
        keepAlive, connectTimeout, maxInflight);
  }

  @Override
  public String toString() {
    // Never log the secrets.
    return "MqttConfig[" + serverUri + ", client " + clientIdPrefix + ", user " + username + ", tls "
        + (caFile != null || keyStore != null) + "]";
  }
}
