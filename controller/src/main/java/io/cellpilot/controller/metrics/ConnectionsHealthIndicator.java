package io.cellpilot.controller.metrics;

import io.cellpilot.controller.broker.BrokerEndpoint;
import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.robot.RobotFleet;
import io.cellpilot.controller.robot.RobotUnit;
import io.cellpilot.controller.ingest.CameraSource;
import io.cellpilot.controller.ingest.ConnectionStatus;
import io.cellpilot.controller.ingest.IngestSource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * Readiness: every configured PLC, MQTT source, camera and robot is connected (a robot that is connected but not
 * active is still connected; its detail says why it cannot pick).
 */
@Singleton
@Readiness
public class ConnectionsHealthIndicator implements HealthIndicator {
  private final ConfigTree config;
  private final BrokerEndpoint broker;
  private final List<IngestSource> sources;
  private final List<CameraSource> cameras;
  private final RobotControl robot;
  private final RobotFleet fleet;

  public ConnectionsHealthIndicator(ConfigTree config, BrokerEndpoint broker, List<IngestSource> sources,
      List<CameraSource> cameras, RobotControl robot, RobotFleet fleet) {
    this.fleet = fleet;
    this.config = config;
    this.broker = broker;
    this.sources = sources;
    this.cameras = cameras;
    this.robot = robot;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up = true;
    details.put("broker", Map.of("url", broker.url().toString(), "embedded", broker.embedded()));
    Set<String> plcs = config.ids("cellpilot.plcs");
    for (String plc : plcs) {
      boolean wired = sources.stream().anyMatch(s -> s.id().equals(plc));
      if (!wired) {
        details.put("plc " + plc, ConnectionStatus.down("no OPC UA connection was created for this PLC"));
        up = false;
      }
    }
    for (IngestSource s : sources) {
      ConnectionStatus c = s.connection();
      details.put((plcs.contains(s.id()) ? "plc " : "source ") + s.id(), c);
      up &= c.connected();
    }
    for (CameraSource c : cameras) {
      ConnectionStatus status = c.connection();
      details.put("camera " + c.id(), status);
      up &= status.connected();
    }
    for (String id : config.ids("cellpilot.robots")) {
      RobotStatus status = fleet.unit(id).map(RobotUnit::status).orElseGet(robot::status);
      details.put("robot " + id, status);
      up &= status.connected();
    }
    return Publishers.just(HealthResult.builder("cellpilot", up ? HealthStatus.UP : HealthStatus.DOWN)
        .details(details).build());
  }
}
