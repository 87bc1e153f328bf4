package io.cellpilot.status.json;

import io.cellpilot.events.CellEvent;
import io.cellpilot.status.CellStatus;
import io.cellpilot.status.CommandGateway;
import io.cellpilot.status.EventLog;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.mqtt.InOrderAcks;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.mqtt.MqttLink;
import io.cellpilot.status.outbox.Outbox;
import io.cellpilot.status.outbox.OutboxCursor;
import io.cellpilot.status.outbox.OutboxRecord;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the plain JSON topics from the outbox: on every connection the retained online marker (the will marks the
 * cell offline) and every state topic, then each undelivered record in order, QoS 1, as many in flight as the broker
 * allows. The cursor moves only over records the broker acknowledged, so an outage means re-delivery, never loss.
 */
public final class JsonStatusPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JsonStatusPublisher.class);
  static final String CURSOR = "json";

  private final StatusConfig config;
  private final MqttConfig mqtt;
  private final Outbox outbox;
  private final OutboxCursor cursor;
  private final JsonStatusMessages messages;
  private final JsonCommands commands;
  private final Clock clock;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final CellStatus status = new CellStatus();
  private volatile MqttLink link;
  private volatile boolean ready;
  private Thread thread;

  /** Counters since start; {@code connected}: the session is set up (online marker, state, commands subscribed). */
  public record Stats(long connects, long published, long malformedRecords, long commands, boolean connected) {}

  /** @param gateway null: no commands over JSON */
  public JsonStatusPublisher(StatusConfig config, MqttConfig mqtt, Outbox outbox, CommandGateway gateway, Clock clock) {
    this.config = config;
    this.mqtt = mqtt;
    this.outbox = outbox;
    this.cursor = outbox.cursor(CURSOR);
    this.messages = new JsonStatusMessages(config.site(), config.cell());
    this.commands = gateway == null ? null : new JsonCommands(messages.base(), gateway, clock);
    this.clock = clock;
  }

  public synchronized JsonStatusPublisher start() {
    if (thread == null) {
      thread = new Thread(this::run, "status-json-" + config.cell());
      thread.setDaemon(true);
      thread.start();
    }
    return this;
  }

  public Stats stats() {
    MqttLink l = link;
    return new Stats(connects.get(), published.get(), malformed.get(), commands == null ? 0 : commands.handled(),
        ready && l != null && l.isConnected());
  }

  private void run() {
    // Everything already delivered, so that a restart republishes the same state topics.
    malformed.addAndGet(EventLog.fold(outbox, status, outbox.firstOffset(), cursor.position()));
    long delayMs = 250;
    while (closed.getCount() > 0) {
      try {
        MqttLink.Will will = will();
        link = MqttLink.connect(mqtt, mqtt.clientIdPrefix() + "-json",
            new MqttLink.Will(will.topic(), will.payload(), 1, true));
        connects.incrementAndGet();
        log.info("[{}] JSON status connected to {}", config.cell(), mqtt.serverUri());
        delayMs = 250;
        deliver(link);
      } catch (MqttException e) {
        log.warn("[{}] JSON status: cannot reach {}: {}", config.cell(), mqtt.serverUri(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        log.error("[{}] JSON status publisher failed; reconnecting", config.cell(), e);
      } finally {
        ready = false;
        MqttLink l = link;
        if (l != null) {
          l.abort();
        }
      }
      if (awaitClose(delayMs)) {
        break;
      }
      delayMs = Math.min(delayMs * 2, config.reconnectDelayMax().toMillis());
    }
  }

  private MqttLink.Will will() {
    JsonStatusMessages.Message offline = messages.status(false, clock.instant());
    return new MqttLink.Will(offline.topic(), offline.payload(), 1, true);
  }

  private void deliver(MqttLink l) throws MqttException, InterruptedException {
    Semaphore window = new Semaphore(Math.max(1, Math.min(mqtt.maxInflight(), l.receiveMaximum())));
    InOrderAcks acks = new InOrderAcks(cursor);
    long timeout = mqtt.connectTimeout().toMillis();
    l.publishAndWait(messages.statusTopic(), messages.status(true, clock.instant()).payload(), 1, true, timeout);
    for (JsonStatusMessages.Message m : messages.allState(status)) {
      send(l, window, null, m);
    }
    if (commands != null) {
      l.subscribe(new String[] {messages.base() + "/cmd/+"}, 1, (topic, msg) -> commands.accept(l, topic, msg),
          timeout);
    }
    ready = true;
    long next = cursor.position();
    while (l.isConnected() && closed.getCount() > 0) {
      List<OutboxRecord> batch = outbox.read(next, 256);
      if (batch.isEmpty()) {
        outbox.awaitRecord(next, 200);
        continue;
      }
      for (OutboxRecord r : batch) {
        List<JsonStatusMessages.Message> out = apply(r);
        InOrderAcks.Handle handle = acks.add(r.offset(), out.size());
        for (JsonStatusMessages.Message m : out) {
          send(l, window, handle, m);
        }
        next = r.offset() + 1;
      }
    }
  }

  private void send(MqttLink l, Semaphore window, InOrderAcks.Handle handle, JsonStatusMessages.Message m)
      throws MqttException, InterruptedException {
    while (!window.tryAcquire(200, TimeUnit.MILLISECONDS)) {
      if (!l.isConnected()) {
        throw new MqttException(org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED);
      }
    }
    l.publish(m.topic(), m.payload(), 1, m.retained(), null, new MqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        window.release();
        published.incrementAndGet();
        if (handle != null) {
          handle.acknowledged();
        }
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        window.release();
      }
    });
  }

  /** Folds a record into the status and renders its messages; a record that is not an event is counted and skipped. */
  private List<JsonStatusMessages.Message> apply(OutboxRecord r) {
    CellEvent event;
    try {
      event = EventLog.decode(r);
    } catch (IllegalArgumentException e) {
      malformed.incrementAndGet();
      log.warn("[{}] JSON status: skipping {}", config.cell(), e.getMessage());
      return List.of();
    }
    if (r.snapshot()) {
      status.apply(event);
      return List.of();
    }
    return messages.forEvent(event, status);
  }

  private boolean awaitClose(long millis) {
    try {
      return closed.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Publishes the offline marker, disconnects and saves the cursor. */
  @Override
  public void close() {
    closed.countDown();
    Thread t = thread;
    MqttLink l = link;
    if (l != null && l.isConnected()) {
      try {
        l.publishAndWait(messages.statusTopic(), messages.status(false, clock.instant()).payload(), 1, true, 2000);
      } catch (MqttException e) {
        log.debug("[{}] offline marker not sent: {}", config.cell(), e.getMessage());
      }
      l.close();
    }
    if (t != null) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    cursor.flush();
  }
}
