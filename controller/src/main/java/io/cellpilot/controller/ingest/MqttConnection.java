package io.cellpilot.controller.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A subscribing Paho v5 client that stays connected: it retries the first connect and every loss with a backoff
 * (1 s doubling to 30 s), and subscribes again after each connect, since a clean start forgets subscriptions.
 * Messages go to one handler on Paho's callback thread; the handler must return quickly.
 */
public final class MqttConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
  private static final long MAX_BACKOFF_MS = 30_000;

  /** Receives every message of the subscriptions. */
  @FunctionalInterface
  public interface Handler {
    void message(String topic, MqttMessage message);
  }

  private final String name;
  private final MqttEndpoint endpoint;
  private final List<MqttSubscription> subscriptions;
  private final Handler handler;
  private final Runnable onLost;
  private final ScheduledExecutorService scheduler;
  private final AtomicInteger attempt = new AtomicInteger();
  private volatile MqttAsyncClient client;
  private volatile boolean subscribed;
  private volatile boolean closed;
  private volatile String lastProblem = "not connected yet";

  /**
   * @param name the device or source, first in every log line
   * @param onLost called once each time an established connection is lost (to mark tags BAD)
   */
  public MqttConnection(String name, MqttEndpoint endpoint, List<MqttSubscription> subscriptions, Handler handler,
      Runnable onLost, ScheduledExecutorService scheduler) {
    this.name = name;
    this.endpoint = endpoint;
    this.subscriptions = List.copyOf(subscriptions);
    this.handler = handler;
    this.onLost = onLost;
    this.scheduler = scheduler;
  }

  /** Starts connecting in the background. */
  public synchronized void start() {
    try {
      client = new MqttAsyncClient(endpoint.brokerUrl().toString(), endpoint.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("[" + name + "] cannot create an MQTT client for " + endpoint, e);
    }
    client.setCallback(new Callback());
    connect();
  }

  public ConnectionStatus status() {
    MqttAsyncClient c = client;
    if (c != null && c.isConnected() && subscribed) {
      return ConnectionStatus.up("connected to " + endpoint.brokerUrl());
    }
    return ConnectionStatus.down(endpoint.brokerUrl() + ": " + lastProblem);
  }

  private void connect() {
    if (closed) {
      return;
    }
    try {
      client.connect(options(), null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          subscribe();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          lastProblem = "connect failed: " + e.getMessage();
          retryLater();
        }
      });
    } catch (MqttException e) {
      lastProblem = "connect failed: " + e.getMessage();
      retryLater();
    }
  }

  private void subscribe() {
    try {
      // Array form: Paho 1.2.5's subscribe(String, int, listener) recurses until StackOverflowError (pitfalls.md 1).
      client.subscribe(subscriptions.toArray(new MqttSubscription[0]), null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          subscribed = true;
          int tries = attempt.getAndSet(0);
          log.info("[{}] connected to {} and subscribed to {} filter(s){}", name, endpoint, subscriptions.size(),
              tries > 0 ? " after " + tries + " retries" : "");
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          lastProblem = "subscribe failed: " + e.getMessage();
          log.warn("[{}] subscribe at {} failed", name, endpoint.brokerUrl(), e);
          disconnectAndRetry();
        }
      }, (MqttProperties) null);
    } catch (MqttException e) {
      lastProblem = "subscribe failed: " + e.getMessage();
      disconnectAndRetry();
    }
  }

  private void disconnectAndRetry() {
    try {
      client.disconnectForcibly(0, 1000, false);
    } catch (MqttException e) {
      log.debug("[{}] forced disconnect", name, e);
    }
    retryLater();
  }

  private void retryLater() {
    if (closed) {
      return;
    }
    int n = attempt.incrementAndGet();
    long delay = Math.min(MAX_BACKOFF_MS, 1000L << Math.min(n - 1, 5));
    if (n == 1 || n % 10 == 0) {
      log.warn("[{}] {} ({}); retry {} in {}", name, endpoint.brokerUrl(), lastProblem, n, Duration.ofMillis(delay));
    }
    scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  private static MqttConnectionOptions options(MqttEndpoint endpoint) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(10);
    options.setConnectionTimeout(10);
    options.setSocketFactory(endpoint.socketFactory() != null ? endpoint.socketFactory() : new NoDelaySocketFactory());
    if (endpoint.username() != null) {
      options.setUserName(endpoint.username());
    }
    if (endpoint.password() != null) {
      options.setPassword(endpoint.password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return options;
  }

  private MqttConnectionOptions options() {
    return options(endpoint);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    MqttAsyncClient c = client;
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      log.debug("[{}] disconnect", name, e);
    }
    try {
      c.close(true);
    } catch (MqttException e) {
      log.debug("[{}] close", name, e);
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        handler.message(topic, message);
      } catch (RuntimeException e) {
        // A handler bug must not kill Paho's callback thread (it would disconnect the client).
        log.error("[{}] handling a message on {} failed", name, topic, e);
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      lost("disconnected: " + response);
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
      log.warn("[{}] MQTT error at {}", name, endpoint.brokerUrl(), e);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }

  private void lost(String why) {
    boolean wasUp = subscribed;
    subscribed = false;
    lastProblem = why;
    if (closed) {
      return;
    }
    log.warn("[{}] connection to {} lost ({}); reconnecting", name, endpoint.brokerUrl(), why);
    if (wasUp) {
      onLost.run();
    }
    retryLater();
  }
}
