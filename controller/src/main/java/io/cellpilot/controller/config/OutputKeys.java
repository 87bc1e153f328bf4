package io.cellpilot.controller.config;

import static io.cellpilot.controller.config.ValueType.BOOLEAN;
import static io.cellpilot.controller.config.ValueType.BYTES;
import static io.cellpilot.controller.config.ValueType.DURATION;
import static io.cellpilot.controller.config.ValueType.INTEGER;
import static io.cellpilot.controller.config.ValueType.PATH;
import static io.cellpilot.controller.config.ValueType.STRING;
import static io.cellpilot.controller.config.ValueType.STRING_LIST;

import java.util.List;

/**
 * What the cell tells others: the MQTT status publishers ({@code cellpilot.status.*}, on the broker of
 * {@code cellpilot.mqtt.*}), the cell's own OPC UA server ({@code cellpilot.opcua-server.*}) (the energy keys are in
 * {@link EnergyKeys}).
 */
final class OutputKeys {
  private static final String S = "cellpilot.opcua-server.";

  static final List<ConfigKey> KEYS = List.of(
      ConfigKey.of("cellpilot.mqtt.client-id-prefix", STRING, null,
          "status publishers' client ids are <prefix>-json and <prefix>-sparkplug (default: cellpilot-<cell>)"),
      ConfigKey.of("cellpilot.mqtt.tls.ca-file", PATH, null, "PEM CA certificate(s) of the plant broker (ssl://)"),
      ConfigKey.of("cellpilot.mqtt.tls.key-store", PATH, null, "PKCS#12 client certificate (ssl://)"),
      ConfigKey.of("cellpilot.mqtt.tls.key-store-password", STRING, null, "password of the key store"),
      ConfigKey.of("cellpilot.mqtt.keep-alive", DURATION, "10s", "status publishers' MQTT keep-alive")
          .range(1, 65_535, "s"),
      ConfigKey.of("cellpilot.mqtt.connect-timeout", DURATION, "5s", "status publishers' connect timeout")
          .range(1, 600, "s"),
      ConfigKey.of("cellpilot.mqtt.max-inflight", INTEGER, "1000", "QoS 1 messages in flight per publisher")
          .range(1, 65_535, ""),

      ConfigKey.of("cellpilot.status.enabled", BOOLEAN, "true", "publish the cell's status over MQTT"),
      ConfigKey.of("cellpilot.status.json.enabled", BOOLEAN, "true", "plain JSON topics under cellpilot/<site>/<cell>/"),
      ConfigKey.of("cellpilot.status.sparkplug.enabled", BOOLEAN, "true", "the Sparkplug B edge node"),
      ConfigKey.of("cellpilot.status.sparkplug.primary-host-id", STRING, null,
          "wait for this Sparkplug primary host's STATE before NBIRTH"),
      ConfigKey.of("cellpilot.status.reconnect-delay-max", DURATION, "10s", "longest wait between connection attempts")
          .range(0.25, 300, "s"),
      ConfigKey.of("cellpilot.status.outbox.directory", PATH, null, "the event log on disk (default: <data-dir>/outbox)"),
      ConfigKey.of("cellpilot.status.outbox.max-bytes", BYTES, "256MB", "the log's size limit (at least 2 segments)")
          .range(8192, 1L << 40, "bytes"),
      ConfigKey.of("cellpilot.status.outbox.segment-bytes", BYTES, "8MB", "size of one segment file")
          .range(4096, 1L << 30, "bytes"),
      ConfigKey.of("cellpilot.status.outbox.fsync", STRING, "interval", "when appends are forced to disk")
          .oneOf("always", "interval", "never"),
      ConfigKey.of("cellpilot.status.outbox.fsync-interval", DURATION, "100ms", "period of fsync: interval")
          .range(0.001, 60, "s"),
      ConfigKey.of("cellpilot.status.outbox.ack-interval", DURATION, "200ms", "how often delivery positions are saved")
          .range(0, 60, "s"),

      ConfigKey.of(S + "enabled", BOOLEAN, "false", "serve the cell's own OPC UA server"),
      ConfigKey.of(S + "bind-address", STRING, "0.0.0.0", "interface it listens on"),
      ConfigKey.of(S + "port", INTEGER, "4841", "port (0 picks a free one)").range(0, 65535, ""),
      ConfigKey.of(S + "hostname", STRING, "localhost", "host name in endpoint URLs and the certificate"),
      ConfigKey.of(S + "path", STRING, "/cellpilot", "endpoint path"),
      ConfigKey.of(S + "security-policies", STRING_LIST, "Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss",
          "offered policies, each with Sign and SignAndEncrypt"),
      ConfigKey.of(S + "allow-security-none", BOOLEAN, "false", "also offer SecurityPolicy None"),
      ConfigKey.of(S + "allow-anonymous", BOOLEAN, "false", "let clients in without a user"),
      ConfigKey.of(S + "users.*", STRING, null, "a read-only user and its password (at least 8 characters)"),
      ConfigKey.of(S + "pki-dir", PATH, null, "server certificate and trusted clients (default: <data-dir>/pki-server)"),
      ConfigKey.of(S + "application-uri", STRING, "urn:cellpilot:cell:server", "the server's application URI"),
      ConfigKey.of(S + "max-sessions", INTEGER, "20", "concurrent sessions").range(1, 1_000_000, ""),
      ConfigKey.of(S + "max-subscriptions", INTEGER, "100", "subscriptions in all").range(1, 1_000_000, ""),
      ConfigKey.of(S + "max-subscriptions-per-session", INTEGER, "10", "subscriptions per session")
          .range(1, 1_000_000, ""),
      ConfigKey.of(S + "max-monitored-items", INTEGER, "10000", "monitored items in all").range(1, 1_000_000, ""),
      ConfigKey.of(S + "max-monitored-items-per-session", INTEGER, "2000", "monitored items per session")
          .range(1, 1_000_000, ""),
      ConfigKey.of(S + "robot-interval", DURATION, "250ms", "how often the robots' axes are refreshed")
          .range(0.02, 60, "s"));

  private OutputKeys() {}
}
