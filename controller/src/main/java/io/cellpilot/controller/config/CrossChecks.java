package io.cellpilot.controller.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rules that span keys: references between devices, and thresholds that must be ordered. */
final class CrossChecks {
  private CrossChecks() {}

  static List<String> check(ConfigTree tree) {
    List<String> problems = new ArrayList<>();
    for (String id : tree.ids("cellpilot.cameras")) {
      String base = "cellpilot.cameras." + id;
      String type = tree.string(base + ".type");
      if (type.equalsIgnoreCase("mqtt") && tree.optionalString(base + ".topic").isEmpty()) {
        problems.add(base + ".topic is required for a camera of type mqtt");
      }
      if (type.equalsIgnoreCase("folder") && tree.optionalString(base + ".folder").isEmpty()) {
        problems.add(base + ".folder is required for a camera of type folder");
      }
    }
    for (String source : tree.ids("cellpilot.mqtt-sources")) {
      for (String mapping : tree.ids("cellpilot.mqtt-sources." + source + ".mappings")) {
        String key = "cellpilot.mqtt-sources." + source + ".mappings." + mapping;
        String topic = tree.string(key + ".topic");
        String problem = TopicFilters.problem(topic);
        if (problem != null) {
          problems.add(key + ".topic " + problem);
        }
        String field = tree.string(key + ".field");
        if (!field.isEmpty() && !field.startsWith("/")) {
          problems.add(key + ".field must be a JSON pointer starting with '/', was " + field);
        }
        String ts = tree.string(key + ".timestamp-field");
        if (!ts.isEmpty() && !ts.startsWith("/")) {
          problems.add(key + ".timestamp-field must be a JSON pointer starting with '/' or empty, was " + ts);
        }
      }
    }
    reference(tree, problems, "cellpilot.inspection.camera", tree.ids("cellpilot.cameras"));
    reference(tree, problems, "cellpilot.inspection.robot", tree.ids("cellpilot.robots"));
    reference(tree, problems, "cellpilot.inspection.model", tree.ids("cellpilot.models"));
    for (String machine : tree.ids("cellpilot.health.machines")) {
      String base = "cellpilot.health.machines." + machine;
      reference(tree, problems, base + ".model", tree.ids("cellpilot.models"));
      ordered(tree, problems, base + ".warning-clear", base + ".warning-raise");
      ordered(tree, problems, base + ".critical-clear", base + ".critical-raise");
      ordered(tree, problems, base + ".warning-raise", base + ".critical-raise");
      if (tree.list(base + ".tags").isEmpty()) {
        problems.add(base + ".tags must name at least one tag");
      }
    }
    // The wired devices: each library's own builder validates its part and names the key.
    problems.addAll(io.cellpilot.controller.plc.PlcSettings.problems(tree));
    problems.addAll(io.cellpilot.controller.plc.LineSettings.problems(tree));
    problems.addAll(io.cellpilot.controller.robot.RobotSettings.problems(tree));
    problems.addAll(io.cellpilot.controller.status.StatusSettings.problems(tree));
    problems.addAll(io.cellpilot.controller.cellserver.CellServerSettings.problems(tree));
    problems.addAll(io.cellpilot.controller.energy.EnergySettings.problems(tree));
    problems.addAll(io.cellpilot.controller.vision.VisionSettings.problems(tree));
    return problems;
  }

  private static void reference(ConfigTree tree, List<String> problems, String key, Set<String> known) {
    tree.optionalString(key).ifPresent(id -> {
      if (!known.contains(id)) {
        problems.add(key + " names '" + id + "', which is not configured (known: " + known + ")");
      }
    });
  }

  private static void ordered(ConfigTree tree, List<String> problems, String lowKey, String highKey) {
    double low = tree.decimal(lowKey);
    double high = tree.decimal(highKey);
    if (!(low < high)) {
      problems.add(lowKey + " must be below " + highKey + " (" + high + "), was " + low);
    }
  }
}
