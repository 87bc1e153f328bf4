package io.cellpilot.sim.config;

/**
 * Where the cell's devices publish. {@code brokerUri} null or empty: the cell starts an embedded MQTT 5 broker
 * (HiveMQ CE) on {@code embeddedBindAddress}:{@code embeddedPort} (port 0: a free port). {@code enabled} false: no
 * broker, no sensors or meters on MQTT, camera images only in the folder (tests that need the PLC alone start faster).
 */
public record MqttConfig(
    boolean enabled,
    String brokerUri, String embeddedBindAddress, int embeddedPort, String clientId, String topicPrefix, int qos,
    String username, String password) {

  public MqttConfig {
    brokerUri = brokerUri == null || brokerUri.isBlank() ? null : brokerUri.trim();
    Check.that(brokerUri == null || brokerUri.matches("(tcp|ssl|ws|wss)://[^\\s/]+(:\\d+)?/?"),
        "mqtt.broker-uri must look like tcp://host:1883, was \"" + brokerUri + "\"");
    Check.notBlank("mqtt.embedded-bind-address", embeddedBindAddress);
    Check.between("mqtt.embedded-port", embeddedPort, 0, 65535);
    Check.notBlank("mqtt.client-id", clientId);
    Check.notBlank("mqtt.topic-prefix", topicPrefix);
    Check.that(!topicPrefix.contains("#") && !topicPrefix.contains("+") && !topicPrefix.endsWith("/"),
        "mqtt.topic-prefix must not contain wildcards or end with '/', was \"" + topicPrefix + "\"");
    Check.between("mqtt.qos", qos, 0, 2);
  }

  /** True when the cell must start its own broker. */
  public boolean embedded() {
    return enabled && brokerUri == null;
  }

  /** Settings for {@link MqttConfig}; defaults: embedded broker on 1883, prefix {@code factory/line1}, QoS 1. */
  public static final class Builder {
    private boolean enabled = true;
    private String brokerUri;
    private String embeddedBindAddress = "127.0.0.1";
    private int embeddedPort = 1883;
    private String clientId = "cellpilot-sim";
    private String topicPrefix = "factory/line1";
    private int qos = 1;
    private String username;
    private String password;

    /** False: the cell publishes nothing on MQTT and starts no broker. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder brokerUri(String brokerUri) {
      this.brokerUri = brokerUri;
      return this;
    }

    /** Interface the embedded broker listens on; {@code 0.0.0.0} for every interface. */
    public Builder embeddedBindAddress(String embeddedBindAddress) {
      this.embeddedBindAddress = embeddedBindAddress;
      return this;
    }

    public Builder embeddedPort(int embeddedPort) {
      this.embeddedPort = embeddedPort;
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder topicPrefix(String topicPrefix) {
      this.topicPrefix = topicPrefix;
      return this;
    }

    public Builder qos(int qos) {
      this.qos = qos;
      return this;
    }

    public Builder username(String username) {
      this.username = username;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    public MqttConfig build() {
      return new MqttConfig(enabled, brokerUri, embeddedBindAddress, embeddedPort, clientId, topicPrefix, qos, username,
          password);
    }
  }
}
