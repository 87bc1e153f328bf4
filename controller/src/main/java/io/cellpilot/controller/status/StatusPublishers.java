package io.cellpilot.controller.status;

import io.cellpilot.controller.CellPart;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.status.CommandGateway;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.StatusService;
import io.cellpilot.status.mqtt.MqttConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' MQTT view ({@link StatusService}: JSON topics and the Sparkplug B edge node through the outbox) as a
 * part of the running cell: started before the sources, so it records every event, and closed after them.
 */
public final class StatusPublishers implements CellPart {
  private static final Logger log = LoggerFactory.getLogger(StatusPublishers.class);

  private final StatusConfig status;
  private final MqttConfig mqtt;
  private final CellEventBus bus;
  private final CommandGateway gateway;
  private final Clock clock;
  private volatile StatusService service;

  public StatusPublishers(StatusConfig status, MqttConfig mqtt, CellEventBus bus, CommandGateway gateway,
      Clock clock) {
    this.status = status;
    this.mqtt = mqtt;
    this.bus = bus;
    this.gateway = gateway;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "status publishers";
  }

  @Override
  public int order() {
    return -20;
  }

  @Override
  public void start() {
    try {
      service = StatusService.start(status, mqtt, bus, gateway, clock);
      log.info("[{}] status on {} (json {}, sparkplug {}), outbox {}", status.cell(), mqtt.serverUri(),
          status.json(), status.sparkplug(), status.outbox().directory());
    } catch (IOException e) {
      throw new UncheckedIOException("cellpilot.status.outbox.directory " + status.outbox().directory()
          + " cannot be used: " + e.getMessage(), e);
    }
  }

  /** Counters for metrics and the API; empty before start. */
  public Optional<StatusService.Stats> stats() {
    StatusService s = service;
    return s == null ? Optional.empty() : Optional.of(s.stats());
  }

  @Override
  public void stop() {
    StatusService s = service;
    service = null;
    if (s != null) {
      s.close();
    }
  }
}
