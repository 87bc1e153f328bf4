package io.cellpilot.controller.demo;

import io.cellpilot.sim.CellEndpoints;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The controller's configuration for the demo: the integrator's simulated-cell file (deploy/cellpilot-sim.yml) as
 * it is, with only what the demo must change: the endpoints of the simulator it just started on free ports, its own
 * data folder, model packages found beside the installation, and ports that cannot collide. A pure function, so the
 * demo runs the same keys an integrator reads.
 */
public final class DemoProperties {
  private DemoProperties() {}

  /**
   * @param file the flattened simulated-cell configuration
   * @param sim the endpoints of the running simulator
   * @param home the installation folder that relative model package paths are resolved against
   * @param dataDir the demo's data folder (users, audit log, decisions)
   * @param httpPort the HTTP API's port (0: a free one)
   */
  public static Map<String, Object> of(Map<String, Object> file, CellEndpoints sim, Path home, Path dataDir,
      int httpPort) {
    Map<String, Object> p = new HashMap<>(file);
    p.put("cellpilot.data-dir", dataDir.toString());
    p.put("cellpilot.http.port", httpPort);
    p.put("cellpilot.mqtt.broker-url", sim.mqttUri());
    p.put("cellpilot.opcua-server.port", 0);
    for (String plc : ids(p, "cellpilot.plcs.")) {
      p.put("cellpilot.plcs." + plc + ".endpoint", sim.opcUaUrl());
      p.put("cellpilot.plcs." + plc + ".default-namespace", sim.opcUaNamespace());
    }
    Map<String, String> cobot = sim.components();
    for (String robot : ids(p, "cellpilot.robots.")) {
      String r = "cellpilot.robots." + robot + ".";
      p.put(r + "host", host(cobot.get("cobot.rtde")));
      p.put(r + "dashboard-port", port(cobot.get("cobot.dashboard")));
      p.put(r + "secondary-port", port(cobot.get("cobot.secondary")));
      p.put(r + "rtde-port", port(cobot.get("cobot.rtde")));
    }
    file.forEach((key, value) -> {
      if (key.startsWith("cellpilot.") && key.endsWith(".package") && value instanceof String s
          && !Path.of(s).isAbsolute()) {
        p.put(key, home.resolve(s).normalize().toString());
      }
    });
    return p;
  }

  private static java.util.Set<String> ids(Map<String, Object> p, String prefix) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (String key : p.keySet()) {
      if (key.startsWith(prefix)) {
        String rest = key.substring(prefix.length());
        int dot = rest.indexOf('.');
        if (dot > 0) {
          ids.add(rest.substring(0, dot));
        }
      }
    }
    return ids;
  }

  private static String host(String hostPort) {
    if (hostPort == null) {
      throw new IllegalStateException("the simulator runs no cobot, but the configuration names a robot");
    }
    return hostPort.substring(0, hostPort.lastIndexOf(':'));
  }

  private static int port(String hostPort) {
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }
}
