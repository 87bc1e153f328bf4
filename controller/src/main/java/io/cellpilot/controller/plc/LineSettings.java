package io.cellpilot.controller.plc;

import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.config.ConfigTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the line is wired to its PLC ({@code cellpilot.line.*}): the tags that report its state and the pick handshake,
 * and the methods that start, stop and reset it and hold and release parts, as full node ids.
 *
 * @param plc the PLC id that runs the line
 * @param faultTextTag empty when not configured
 * @param plcControl operators' pause and resume also stop and start the line at the PLC
 * @param idealCycleTime empty when unknown (OEE performance then unknown)
 */
public record LineSettings(
    String plc,
    String stateTag,
    Optional<String> faultTextTag,
    String object,
    String startMethod,
    String stopMethod,
    String resetMethod,
    boolean plcControl,
    Optional<Duration> idealCycleTime,
    String pickObject,
    String requestStopMethod,
    String releaseMethod,
    String holdingTag,
    String heldPartIdTag) {

  /** The line's wiring, or empty when no PLC is configured; throws {@link ConfigException} naming the key. */
  public static Optional<LineSettings> of(ConfigTree config) {
    Set<String> plcs = config.ids("cellpilot.plcs");
    if (plcs.isEmpty()) {
      return Optional.empty();
    }
    String plc = config.optionalString("cellpilot.line.plc").orElseGet(() -> {
      if (plcs.size() > 1) {
        throw new ConfigException("cellpilot.line.plc must name the PLC that runs the line when several are "
            + "configured (configured: " + plcs + ")");
      }
      return plcs.iterator().next();
    });
    if (!plcs.contains(plc)) {
      throw new ConfigException("cellpilot.line.plc names '" + plc + "', which is not configured (known: " + plcs
          + ")");
    }
    Optional<String> ns = config.optionalString(PlcSettings.key(plc) + ".default-namespace");
    return Optional.of(new LineSettings(plc,
        config.string("cellpilot.line.state-tag"),
        config.optionalString("cellpilot.line.fault-text-tag"),
        node(config, "cellpilot.line.object", ns, plc),
        node(config, "cellpilot.line.start-method", ns, plc),
        node(config, "cellpilot.line.stop-method", ns, plc),
        node(config, "cellpilot.line.reset-method", ns, plc),
        config.bool("cellpilot.line.plc-control"),
        config.optionalDuration("cellpilot.line.ideal-cycle-time"),
        node(config, "cellpilot.line.pick.object", ns, plc),
        node(config, "cellpilot.line.pick.request-stop-method", ns, plc),
        node(config, "cellpilot.line.pick.release-method", ns, plc),
        config.string("cellpilot.line.pick.holding-tag"),
        config.string("cellpilot.line.pick.held-part-id-tag")));
  }

  private static String node(ConfigTree config, String key, Optional<String> ns, String plc) {
    return PlcSettings.nodeId(config.string(key), ns, key, PlcSettings.key(plc));
  }

  /** The problems of the line's wiring: unknown PLC, tags that are not configured PLC tags. */
  public static List<String> problems(ConfigTree config) {
    List<String> problems = new ArrayList<>();
    Optional<LineSettings> line;
    try {
      line = of(config);
    } catch (ConfigException e) {
      return e.problems();
    }
    if (line.isEmpty()) {
      return problems;
    }
    LineSettings l = line.get();
    requirePlcTag(config, problems, "cellpilot.line.state-tag", l.stateTag());
    l.faultTextTag().ifPresent(t -> requirePlcTag(config, problems, "cellpilot.line.fault-text-tag", t));
    if (!config.ids("cellpilot.robots").isEmpty()) {
      requirePlcTag(config, problems, "cellpilot.line.pick.holding-tag", l.holdingTag());
      requirePlcTag(config, problems, "cellpilot.line.pick.held-part-id-tag", l.heldPartIdTag());
    }
    return problems;
  }

  /** Adds a problem unless {@code tag} ({@code <plc>.<tag>}) is a configured PLC tag. */
  public static void requirePlcTag(ConfigTree config, List<String> problems, String key, String tag) {
    int dot = tag.indexOf('.');
    boolean known = dot > 0 && config.ids("cellpilot.plcs").contains(tag.substring(0, dot))
        && config.ids("cellpilot.plcs." + tag.substring(0, dot) + ".tags").contains(tag.substring(dot + 1));
    if (!known) {
      problems.add(key + " names '" + tag + "', which is not a configured PLC tag (<plc>.<tag> under "
          + "cellpilot.plcs.<plc>.tags)");
    }
  }

  /** The tag's name inside its PLC: {@code plc.line-state} -> {@code line-state}. */
  public static String tagOf(String cellTag) {
    return cellTag.substring(cellTag.indexOf('.') + 1);
  }
}
