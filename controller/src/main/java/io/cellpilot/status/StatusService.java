package io.cellpilot.status;

import io.cellpilot.events.CellEvent;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.status.json.JsonStatusPublisher;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.outbox.Outbox;
import io.cellpilot.status.outbox.OutboxStats;
import io.cellpilot.status.sparkplug.SparkplugEdgeNode;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' view over MQTT, assembled: every cell event is written to the outbox on the publishing thread (so a
 * crash after {@code publish} returns loses nothing), and the JSON publisher and the Sparkplug edge node each deliver
 * it from there with their own cursor. The controller builds one of these at start and closes it at stop.
 */
public final class StatusService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StatusService.class);

  private final StatusConfig config;
  private final Outbox outbox;
  private final JsonStatusPublisher json;
  private final SparkplugEdgeNode sparkplug;
  private final AtomicLong appendFailures = new AtomicLong();
  private AutoCloseable subscription;

  /** Counters for metrics and the health endpoint. */
  public record Stats(OutboxStats outbox, long appendFailures, JsonStatusPublisher.Stats json,
      SparkplugEdgeNode.Stats sparkplug) {}

  private StatusService(StatusConfig config, Outbox outbox, JsonStatusPublisher json, SparkplugEdgeNode sparkplug) {
    this.config = config;
    this.outbox = outbox;
    this.json = json;
    this.sparkplug = sparkplug;
  }

  /**
   * Opens the outbox, starts the configured publishers and subscribes to {@code bus}.
   *
   * @param gateway null: MQTT commands are refused (not subscribed)
   */
  public static StatusService start(StatusConfig config, MqttConfig mqtt, CellEventBus bus, CommandGateway gateway,
      Clock clock) throws IOException {
    Outbox outbox = Outbox.open(config.outbox());
    JsonStatusPublisher json = config.json() ? new JsonStatusPublisher(config, mqtt, outbox, gateway, clock) : null;
    SparkplugEdgeNode node = config.sparkplug() ? new SparkplugEdgeNode(config, mqtt, outbox, gateway, clock) : null;
    StatusService service = new StatusService(config, outbox, json, node);
    if (json != null) {
      json.start();
    }
    if (node != null) {
      node.start();
    }
    service.subscription = bus == null ? null : bus.subscribe(service::record);
    return service;
  }

  /** Writes one event to the outbox; a disk failure is logged and counted, never thrown at the event's producer. */
  public void record(CellEvent event) {
    try {
      EventLog.append(outbox, event);
    } catch (RuntimeException e) {
      appendFailures.incrementAndGet();
      log.error("[{}] event {} {} not written to the outbox", config.cell(), event.type(), event.eventId(), e);
    }
  }

  public Outbox outbox() {
    return outbox;
  }

  public Stats stats() {
    return new Stats(outbox.stats(), appendFailures.get(), json == null ? null : json.stats(),
        sparkplug == null ? null : sparkplug.stats());
  }

  @Override
  public void close() {
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        log.debug("[{}] unsubscribe failed", config.cell(), e);
      }
    }
    if (sparkplug != null) {
      sparkplug.close();
    }
    if (json != null) {
      json.close();
    }
    outbox.close();
  }
}
