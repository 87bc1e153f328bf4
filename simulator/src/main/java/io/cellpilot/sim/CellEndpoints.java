package io.cellpilot.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a running simulated cell can be reached. {@code opcUaUrl} is null when the PLC is disabled, {@code mqttUri}
 * when MQTT is, {@code cameraFolder} when the camera is. {@code components} lists what cell components opened (the cobot's ports, once present).
 */
public record CellEndpoints(
    String opcUaUrl,
    String opcUaNamespace,
    String mqttUri,
    boolean embeddedBroker,
    String topicPrefix,
    Path cameraFolder,
    Map<String, String> components) {

  public CellEndpoints {
    components = Map.copyOf(components);
  }

  /** One line per endpoint, for people. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("OPC UA PLC     " + (opcUaUrl == null ? "(disabled)" : opcUaUrl + "  namespace " + opcUaNamespace));
    if (mqttUri == null) {
      lines.add("MQTT           (disabled)");
    } else {
      lines.add("MQTT broker    " + mqttUri + (embeddedBroker ? "  (embedded)" : ""));
      lines.add("MQTT topics    " + topicPrefix + "/#");
      lines.add("camera topic   " + topicPrefix + "/camera/inspection");
    }
    lines.add("camera folder  " + (cameraFolder == null ? "(disabled)" : cameraFolder.toString()));
    components.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> lines.add(String.format("%-14s %s", e.getKey(), e.getValue())));
    return lines;
  }
}
