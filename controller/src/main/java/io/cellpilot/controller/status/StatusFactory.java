package io.cellpilot.controller.status;

import io.cellpilot.controller.broker.BrokerEndpoint;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.security.CellCommands;
import io.cellpilot.controller.security.FileAuditLog;
import io.cellpilot.controller.security.FileUserStore;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.status.CommandGateway;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The status publishers on the controller's broker (the plant broker, or the embedded one the ingest sources use
 * too); dashboard commands go through the same {@link CellCommands}, users and audit log as HTTP.
 */
@Factory
public class StatusFactory {

  @Singleton
  @Requires(property = "cellpilot.status.enabled", notEquals = "false")
  StatusPublishers statusPublishers(ConfigTree config, BrokerEndpoint broker, CellEventBus bus, CellCommands commands,
      FileUserStore users, FileAuditLog audit, Clock clock) {
    return new StatusPublishers(StatusSettings.status(config),
        StatusSettings.mqtt(config, broker.url(), broker.username(), broker.password()), bus,
        new CommandGateway(commands, users, audit, clock), clock);
  }
}
