package io.cellpilot.status.mqtt;

import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 5 connection with a will, opened once and never reconnected by Paho: the publishers reconnect themselves
 * because every Sparkplug connection needs a new will (a new bdSeq). {@link #lost()} completes when it drops.
 */
public final class MqttLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MqttLink.class);

  private final MqttAsyncClient client;
  private final CompletableFuture<String> lost = new CompletableFuture<>();
  private final int receiveMaximum;

  private MqttLink(MqttAsyncClient client, int receiveMaximum) {
    this.client = client;
    this.receiveMaximum = receiveMaximum;
  }

  /** A will to register with the connection. */
  public record Will(String topic, byte[] payload, int qos, boolean retained) {}

  /**
   * Connects, waiting at most the configured timeout.
   *
   * @param will null for none
   */
  public static MqttLink connect(MqttConfig config, String clientId, Will will) throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(config.serverUri(), clientId, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval((int) config.keepAlive().toSeconds());
    options.setConnectionTimeout((int) config.connectTimeout().toSeconds());
    options.setSocketFactory(NoDelaySocketFactories.forConfig(config));
    options.setReceiveMaximum(Math.min(config.maxInflight(), 65535));
    if (config.username() != null) {
      options.setUserName(config.username());
    }
    if (config.password() != null) {
      options.setPassword(config.password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (will != null) {
      MqttMessage message = new MqttMessage(will.payload(), will.qos(), will.retained(), null);
      options.setWill(will.topic(), message);
    }
    Holder holder = new Holder();
    client.setCallback(holder);
    try {
      IMqttToken token = client.connect(options);
      token.waitForCompletion(config.connectTimeout().toMillis() + 1000);
      Integer serverMax = token.getResponseProperties() == null ? null
          : token.getResponseProperties().getReceiveMaximum();
      MqttLink link = new MqttLink(client, serverMax == null ? 65535 : serverMax);
      holder.link = link;
      return link;
    } catch (MqttException e) {
      closeQuietly(client);
      throw e;
    }
  }

  /** How many QoS 1 messages may be unacknowledged at once: the smaller of ours and the broker's limit. */
  public int receiveMaximum() {
    return receiveMaximum;
  }

  public boolean isConnected() {
    return client.isConnected() && !lost.isDone();
  }

  /** Completes with the reason when the connection drops or is closed. */
  public CompletableFuture<String> lost() {
    return lost;
  }

  /** Publishes without waiting; {@code listener} hears of the broker's acknowledgement (QoS 1) or the write (QoS 0). */
  public IMqttToken publish(String topic, byte[] payload, int qos, boolean retained, MqttProperties properties,
      MqttActionListener listener) throws MqttException {
    MqttMessage message = new MqttMessage(payload, qos, retained, properties);
    return client.publish(topic, message, null, listener);
  }

  /** Publishes and waits for the acknowledgement (QoS 1) or the write (QoS 0). */
  public void publishAndWait(String topic, byte[] payload, int qos, boolean retained, long timeoutMillis)
      throws MqttException {
    publish(topic, payload, qos, retained, null, null).waitForCompletion(timeoutMillis);
  }

  /** Subscribes with one listener per filter and waits for the SUBACK. */
  public void subscribe(String[] filters, int qos, IMqttMessageListener listener, long timeoutMillis)
      throws MqttException {
    // Paho v5 1.2.5: subscribe(String, int, IMqttMessageListener) recurses until StackOverflowError (pitfall #1).
    MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
    IMqttMessageListener[] listeners = new IMqttMessageListener[filters.length];
    for (int i = 0; i < filters.length; i++) {
      subscriptions[i] = new MqttSubscription(filters[i], qos);
      listeners[i] = listener;
    }
    client.subscribe(subscriptions, null, null, listeners, new MqttProperties()).waitForCompletion(timeoutMillis);
  }

  /** Disconnects cleanly (no will is sent); safe to call on a dropped connection. */
  @Override
  public void close() {
    lost.complete("closed");
    try {
      if (client.isConnected()) {
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException | RuntimeException e) {
      log.debug("[mqtt] {} disconnect: {}", client.getClientId(), e.getMessage());
    }
    closeQuietly(client);
  }

  /** Drops the TCP connection without DISCONNECT, so the broker sends the will (tests and the crash path). */
  public void abort() {
    if (!lost.complete("aborted") && !client.isConnected()) {
      closeQuietly(client);
      return;
    }
    try {
      client.disconnectForcibly(0, 10, false);
    } catch (MqttException | RuntimeException e) {
      log.debug("[mqtt] {} forced disconnect: {}", client.getClientId(), e.getMessage());
    }
    closeQuietly(client);
  }

  private static void closeQuietly(MqttAsyncClient client) {
    try {
      client.close(true);
    } catch (MqttException | RuntimeException e) {
      log.debug("[mqtt] {} close: {}", client.getClientId(), e.getMessage());
    }
  }

  private static final class Holder implements MqttCallback {
    volatile MqttLink link;

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      MqttLink l = link;
      if (l != null) {
        l.lost.complete("disconnected: " + response.getReasonString());
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      MqttLink l = link;
      if (l != null) {
        l.lost.complete("error: " + exception.getMessage());
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      // Every subscription has its own listener.
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
