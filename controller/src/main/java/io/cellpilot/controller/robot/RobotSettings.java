package io.cellpilot.controller.robot;

import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.plc.LineSettings;
import io.cellpilot.robot.Pose;
import io.cellpilot.robot.guard.Box;
import io.cellpilot.robot.guard.GuardLimits;
import io.cellpilot.robot.guard.SeparationParameters;
import io.cellpilot.robot.routine.PickPlaceConfig;
import io.cellpilot.robot.ur.UrDriverConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One robot as {@code cellpilot.robots.<id>.*} describes it, in the robot package's own records: the UR driver's
 * configuration with the guard's limits, the reject pick, the zone sensor and the controller's lifecycle choices.
 * Building validates everything; errors name the key.
 *
 * @param pick empty when the robot has no reject pick configured (it then never picks)
 * @param zone empty when the cell has no zone sensor for this robot
 * @param autoActivate power on and accept motion at start and after a link fault, without an operator
 * @param reconnectDelay wait between attempts to reach the robot
 */
public record RobotSettings(
    UrDriverConfig driver,
    Optional<PickPlaceConfig> pick,
    Optional<ZoneSettings> zone,
    boolean autoActivate,
    Duration reconnectDelay) {

  /**
   * The zone sensor's tags, both PLC tags ({@code <plc>.<tag>}) read actively every {@code pollInterval}.
   *
   * @param distanceTag empty: only the occupied flag is known (distance unknown)
   */
  public record ZoneSettings(String occupiedTag, Optional<String> distanceTag, Duration pollInterval) {}

  public String id() {
    return driver.id();
  }

  /** Robot {@code id}'s settings; throws {@link ConfigException} listing every bad key. */
  public static RobotSettings of(ConfigTree config, String id) {
    String p = "cellpilot.robots." + id + ".";
    List<String> errors = new ArrayList<>();
    GuardLimits limits = new GuardLimits(config.decimals(p + "joint-min"), config.decimals(p + "joint-max"),
        config.decimal(p + "joint-margin"), config.decimal(p + "max-joint-speed"),
        config.decimal(p + "max-joint-acceleration"), config.decimal(p + "max-tcp-speed"),
        config.decimal(p + "max-tcp-acceleration"), box(config, p + "workspace", errors), zones(config, p, errors),
        new LinkedHashSet<>(config.integers(p + "allowed-outputs")), config.duration(p + "status-max-age"),
        config.duration(p + "zone.max-age"),
        new SeparationParameters(config.decimal(p + "separation.human-speed"),
            config.decimal(p + "separation.reaction-time"), config.decimal(p + "separation.stopping-time"),
            config.decimal(p + "separation.intrusion-distance"), config.decimal(p + "separation.uncertainty"),
            config.decimal(p + "separation.min-speed-fraction")));
    UrDriverConfig driver = new UrDriverConfig(id, config.string(p + "host"), config.integer(p + "dashboard-port"),
        config.integer(p + "secondary-port"), config.integer(p + "rtde-port"), config.string(p + "model"),
        config.integer(p + "rtde-frequency"), config.duration(p + "connect-timeout"),
        config.duration(p + "rtde-timeout"), config.duration(p + "activation-timeout"),
        config.integer(p + "watchdog.kick-hz"), config.decimal(p + "watchdog.robot-min-hz"),
        config.integer(p + "watchdog.register"), config.integer(p + "ack-register"),
        config.integer(p + "done-register"), config.duration(p + "command-timeout-margin"),
        config.decimal(p + "stop-deceleration"), limits);
    try {
      driver.validate();
    } catch (IllegalArgumentException e) {
      errors.addAll(Arrays.asList(e.getMessage().split("; ")));
    }
    Optional<PickPlaceConfig> pick = pick(config, p, limits, errors);
    Optional<ZoneSettings> zone = config.optionalString(p + "zone.occupied-tag").map(tag -> new ZoneSettings(tag,
        config.optionalString(p + "zone.distance-tag"), config.duration(p + "zone.poll-interval")));
    if (zone.isEmpty() && config.isSet(p + "zone.distance-tag")) {
      errors.add(p + "zone.distance-tag needs " + p + "zone.occupied-tag too");
    }
    zone.ifPresent(z -> {
      LineSettings.requirePlcTag(config, errors, p + "zone.occupied-tag", z.occupiedTag());
      z.distanceTag().ifPresent(d -> LineSettings.requirePlcTag(config, errors, p + "zone.distance-tag", d));
      if (z.distanceTag().isPresent() && !plcOf(z.distanceTag().get()).equals(plcOf(z.occupiedTag()))) {
        errors.add(p + "zone.distance-tag must be on the same PLC as zone.occupied-tag, was " + z.distanceTag().get());
      }
    });
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new RobotSettings(driver, pick, zone, config.bool(p + "auto-activate"), config.duration(p + "reconnect-delay"));
  }

  private static Optional<PickPlaceConfig> pick(ConfigTree config, String p, GuardLimits limits,
      List<String> errors) {
    String r = p + "reject-pick.";
    boolean hasPick = config.isSet(r + "pick");
    boolean hasBin = config.isSet(r + "bin");
    if (!hasPick && !hasBin) {
      return Optional.empty();
    }
    if (hasPick != hasBin) {
      errors.add(r + (hasPick ? "bin" : "pick") + " is required with " + r + (hasPick ? "pick" : "bin"));
      return Optional.empty();
    }
    double[] pickPose = config.decimals(r + "pick");
    double[] binPose = config.decimals(r + "bin");
    if (pickPose.length != 6 || binPose.length != 6) {
      errors.add(r + (pickPose.length != 6 ? "pick" : "bin") + " needs 6 values x, y, z, rx, ry, rz, had "
          + (pickPose.length != 6 ? pickPose.length : binPose.length));
      return Optional.empty();
    }
    PickPlaceConfig pick = new PickPlaceConfig(config.decimals(r + "home"), Pose.of(pickPose), Pose.of(binPose),
        config.decimal(r + "approach-height"), config.decimal(r + "joint-speed"),
        config.decimal(r + "joint-acceleration"), config.decimal(r + "linear-speed"),
        config.decimal(r + "linear-acceleration"), config.integer(r + "gripper-output"),
        config.duration(r + "hold-timeout"));
    try {
      pick.validate(r);
    } catch (IllegalArgumentException e) {
      errors.addAll(Arrays.asList(e.getMessage().split("; ")));
    }
    // The guard would refuse every pick: say so now, not at the first defective part.
    if (pick.linearSpeed() > limits.maxTcpSpeed()) {
      errors.add(r + "linear-speed (" + pick.linearSpeed() + " m/s) must not exceed " + p + "max-tcp-speed ("
          + limits.maxTcpSpeed() + " m/s), or the guard refuses every pick");
    }
    if (pick.jointSpeed() > limits.maxJointSpeed()) {
      errors.add(r + "joint-speed (" + pick.jointSpeed() + " rad/s) must not exceed " + p + "max-joint-speed ("
          + limits.maxJointSpeed() + " rad/s), or the guard refuses every pick");
    }
    if (!limits.allowedOutputs().contains(pick.gripperOutput())) {
      errors.add(r + "gripper-output " + pick.gripperOutput() + " must be one of " + p + "allowed-outputs "
          + limits.allowedOutputs());
    }
    return Optional.of(pick);
  }

  private static Box box(ConfigTree config, String key, List<String> errors) {
    double[] min = config.decimals(key + ".min");
    double[] max = config.decimals(key + ".max");
    if (min.length != 3 || max.length != 3) {
      errors.add(key + ".min and " + key + ".max need 3 values x, y, z each, had " + min.length + " and "
          + max.length);
      return new Box(0, 0, 0, 0, 0, 0);
    }
    return new Box(min[0], min[1], min[2], max[0], max[1], max[2]);
  }

  private static Map<String, Box> zones(ConfigTree config, String p, List<String> errors) {
    Map<String, Box> zones = new LinkedHashMap<>();
    for (String zone : config.ids(p + "forbidden-zones")) {
      zones.put(zone, box(config, p + "forbidden-zones." + zone, errors));
    }
    return zones;
  }

  private static String plcOf(String tag) {
    return tag.substring(0, Math.max(0, tag.indexOf('.')));
  }

  /** Every robot's problems, and a missing reject pick on the robot that picks rejects. */
  public static List<String> problems(ConfigTree config) {
    List<String> problems = new ArrayList<>();
    for (String id : config.ids("cellpilot.robots")) {
      try {
        RobotSettings r = of(config, id);
        if (r.pick().isPresent() && config.ids("cellpilot.plcs").isEmpty()) {
          problems.add("cellpilot.robots." + id + ".reject-pick needs the PLC that runs the line (cellpilot.plcs) "
              + "for the pick handshake");
        }
        if (r.pick().isEmpty() && id.equals(inspectionRobot(config).orElse(""))
            && config.bool("cellpilot.inspection.enabled")) {
          problems.add("cellpilot.robots." + id + ".reject-pick.pick and .bin are required: " + id
              + " picks rejected parts (cellpilot.inspection.robot)");
        }
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    return problems;
  }

  /** The robot that picks rejects: {@code cellpilot.inspection.robot}, or the only robot. */
  public static Optional<String> inspectionRobot(ConfigTree config) {
    Optional<String> named = config.optionalString("cellpilot.inspection.robot");
    if (named.isPresent()) {
      return named;
    }
    return config.ids("cellpilot.robots").size() == 1 ? Optional.of(config.ids("cellpilot.robots").iterator().next())
        : Optional.empty();
  }
}
