package io.cellpilot.controller.wiring;

import io.cellpilot.controller.support.TestModelPackages;
import io.cellpilot.controller.security.FileUserStore;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.security.Role;
import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.config.SimConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A simulated cell (PLC, broker, camera, UR5e cobot, all on free ports) and a controller wired to it through the real
 * protocols only, configured as deploy/cellpilot-sim.yml does. One per test class: both take seconds to start.
 */
final class WiredCell implements AutoCloseable {
  final SimulatedCell sim;
  final EmbeddedServer server;
  final BlockingHttpClient http;
  final Map<String, String> passwords = new HashMap<>();
  final List<CellEvent> events = new CopyOnWriteArrayList<>();
  final Path data;

  /**
   * @param threshold the in-test model's threshold on mean image brightness: 0.01 rejects every part, 2 passes all
   * @param extra more properties (or overrides) for the controller
   */
  WiredCell(Path dir, long seed, double threshold, Consumer<Map<String, Object>> extra) throws Exception {
    sim = SimulatedCell.start(SimConfig.forTests(seed).cobot(c -> c.enabled(true)).build());
    data = dir.resolve("data");
    FileUserStore users = new FileUserStore(data.resolve("users"));
    for (Role role : Role.values()) {
      String name = role.name().toLowerCase();
      passwords.put(name, users.putPassword(name, role, null));
    }
    TestModelPackages.write(data.resolve("models/m.pkg"), "brightness-" + threshold, threshold);
    Map<String, Object> props = props(sim, data);
    extra.accept(props);
    server = ApplicationContext.run(EmbeddedServer.class, props);
    server.getApplicationContext().getBean(CellEventBus.class).subscribe(events::add);
    http = server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking();
  }

  <T> T bean(Class<T> type) {
    return server.getApplicationContext().getBean(type);
  }

  <T extends CellEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The controller's configuration for this cell: the keys of deploy/cellpilot-sim.yml, with its ports. */
  static Map<String, Object> props(SimulatedCell sim, Path data) {
    Map<String, String> cobot = sim.endpoints().components();
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", -1);
    p.put("cellpilot-test.model-loader", "brightness");
    p.put("cellpilot.site", "test");
    p.put("cellpilot.cell", "wired");
    p.put("cellpilot.data-dir", data.toString());
    p.put("cellpilot.mqtt.broker-url", sim.endpoints().mqttUri());
    String plc = "cellpilot.plcs.plc.";
    p.put(plc + "endpoint", sim.endpoints().opcUaUrl());
    p.put(plc + "security-policy", "None");
    p.put(plc + "security-mode", "None");
    p.put(plc + "default-namespace", sim.endpoints().opcUaNamespace());
    p.put(plc + "keep-alive-interval", "1s");
    p.put(plc + "keep-alive-timeout", "1s");
    Map<String, String> tags = Map.ofEntries(
        Map.entry("part-at-inspection", "Line1/Conveyor/PartAtInspection"),
        Map.entry("part-id", "Line1/Conveyor/PartId"),
        Map.entry("part-count", "Line1/Conveyor/PartCount"),
        Map.entry("line-state", "Line1/State"),
        Map.entry("fault-text", "Line1/FaultText"),
        Map.entry("pick-holding", "Line1/Pick/Holding"),
        Map.entry("held-part-id", "Line1/Pick/HeldPartId"),
        Map.entry("zone-occupied", "Line1/Safety/ZoneOccupied"),
        Map.entry("person-distance", "Line1/Safety/PersonDistance"),
        Map.entry("main-power", "Line1/MainMeter/ActivePower"),
        Map.entry("main-energy", "Line1/MainMeter/EnergyTotal"));
    tags.forEach((tag, node) -> {
      p.put(plc + "tags." + tag + ".node-id", node);
      p.put(plc + "tags." + tag + ".sampling-interval", "50ms");
    });
    p.put("cellpilot.line.fault-text-tag", "plc.fault-text");
    p.put("cellpilot.line.ideal-cycle-time", "2s");
    p.put("cellpilot.cameras.camera.type", "mqtt");
    p.put("cellpilot.cameras.camera.topic", sim.endpoints().topicPrefix() + "/camera/inspection");
    p.put("cellpilot.models.inspection.kind", "inspection");
    p.put("cellpilot.models.inspection.package", data.resolve("models/m.pkg").toString());
    p.put("cellpilot.inspection.required-tags", List.of("plc.line-state"));
    p.put("cellpilot.inspection.uncertain-band", 0.001);
    String r = "cellpilot.robots.r1.";
    p.put(r + "host", cobot.get("cobot.rtde").split(":")[0]);
    p.put(r + "dashboard-port", port(cobot.get("cobot.dashboard")));
    p.put(r + "secondary-port", port(cobot.get("cobot.secondary")));
    p.put(r + "rtde-port", port(cobot.get("cobot.rtde")));
    p.put(r + "auto-activate", true);
    p.put(r + "reconnect-delay", "1s");
    // CI machines stall threads for 100+ ms: generous link timing, as in the robot package's own tests.
    p.put(r + "rtde-timeout", "600ms");
    p.put(r + "status-max-age", "1s");
    p.put(r + "watchdog.robot-min-hz", 2);
    p.put(r + "zone.occupied-tag", "plc.zone-occupied");
    p.put(r + "zone.distance-tag", "plc.person-distance");
    p.put(r + "zone.max-age", "1s");
    p.put(r + "reject-pick.pick", List.of(0.45, -0.25, 0.05, 2.2214415, 2.2214415, 0.0));
    p.put(r + "reject-pick.bin", List.of(-0.30, -0.45, 0.20, 2.2214415, 2.2214415, 0.0));
    p.put("cellpilot.opcua-server.enabled", true);
    p.put("cellpilot.opcua-server.bind-address", "127.0.0.1");
    p.put("cellpilot.opcua-server.port", 0);
    p.put("cellpilot.opcua-server.users.scada", "scada-password");
    p.put("cellpilot.opcua-server.robot-interval", "100ms");
    p.put("cellpilot.energy.grid-factor", 0.4);
    p.put("cellpilot.energy.period", "500ms");
    p.put("cellpilot.energy.meters.main.power-tag", "plc.main-power");
    p.put("cellpilot.energy.meters.main.energy-tag", "plc.main-energy");
    return p;
  }

  private static int port(String hostPort) {
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }

  @Override
  public void close() {
    // Pitfall 11: the controller before the broker it publishes to.
    if (server != null) {
      server.getApplicationContext().close();
    }
    if (sim != null) {
      sim.close();
    }
  }
}
