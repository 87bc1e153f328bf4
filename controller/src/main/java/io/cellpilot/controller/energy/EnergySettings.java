package io.cellpilot.controller.energy;

import io.cellpilot.controller.config.ConfigTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The energy meters ({@code cellpilot.energy.*}): for each meter the cell-state tags of its active power (kW) and its
 * energy counter (kWh), PLC or MQTT alike; the part counter that splits energy into parts; the grid's carbon factor.
 *
 * @param gridFactorKgPerKwh empty when not configured: CO2 is then reported as unknown, never guessed
 */
public record EnergySettings(OptionalDouble gridFactorKgPerKwh, Duration period, String partCountTag,
                             Map<String, Meter> meters) {

  /** One meter's tags. */
  public record Meter(String powerTag, String energyTag) {}

  public static EnergySettings of(ConfigTree config) {
    Map<String, Meter> meters = new LinkedHashMap<>();
    for (String id : config.ids("cellpilot.energy.meters")) {
      String base = "cellpilot.energy.meters." + id;
      meters.put(id, new Meter(config.string(base + ".power-tag"), config.string(base + ".energy-tag")));
    }
    OptionalDouble factor = config.optionalDecimal("cellpilot.energy.grid-factor")
        .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    return new EnergySettings(factor, config.duration("cellpilot.energy.period"),
        config.string("cellpilot.energy.part-count-tag"), meters);
  }

  /** Tags that no PLC and no MQTT mapping delivers, each named with its key. */
  public static List<String> problems(ConfigTree config) {
    List<String> problems = new ArrayList<>();
    EnergySettings s = of(config);
    if (s.meters().isEmpty()) {
      return problems;
    }
    known(config, problems, "cellpilot.energy.part-count-tag", s.partCountTag());
    s.meters().forEach((id, m) -> {
      known(config, problems, "cellpilot.energy.meters." + id + ".power-tag", m.powerTag());
      known(config, problems, "cellpilot.energy.meters." + id + ".energy-tag", m.energyTag());
    });
    return problems;
  }

  private static void known(ConfigTree config, List<String> problems, String key, String tag) {
    if (!delivered(config, tag)) {
      problems.add(key + " names '" + tag + "', which no PLC tag (<plc>.<tag>) and no MQTT mapping's tag delivers");
    }
  }

  /** True when a configured PLC tag or an MQTT mapping's tag (template) produces {@code tag}. */
  static boolean delivered(ConfigTree config, String tag) {
    int dot = tag.indexOf('.');
    if (dot > 0 && config.ids("cellpilot.plcs." + tag.substring(0, dot) + ".tags").contains(tag.substring(dot + 1))) {
      return true;
    }
    for (String source : config.ids("cellpilot.mqtt-sources")) {
      String base = "cellpilot.mqtt-sources." + source + ".mappings";
      for (String mapping : config.ids(base)) {
        String template = config.optionalString(base + "." + mapping + ".tag").orElse(mapping);
        String regex = Pattern.quote(template).replaceAll("\\{\\d+}", "\\\\E.+\\\\Q");
        if (Pattern.matches(regex, tag)) {
          return true;
        }
      }
    }
    return false;
  }
}
