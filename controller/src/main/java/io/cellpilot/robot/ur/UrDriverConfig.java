package io.cellpilot.robot.ur;

import io.cellpilot.robot.guard.GuardLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Universal Robots arm, from {@code cellpilot.robots.<id>.*}. Immutable; {@link #validate()} names the key of
 * every bad value.
 *
 * @param rtdeFrequency output recipe rate: 125 (CB3) or up to 500 (e-Series)
 * @param rtdeTimeout no RTDE data for this long puts the driver in FAULT
 * @param watchdogKickHz how often the driver writes the watchdog register (at least 10 Hz)
 * @param watchdogRobotMinHz the rate below which the robot-side watchdog stops the program (rtde_set_watchdog)
 * @param watchdogRegister input_int_register_N the driver kicks (24..47 are free for RTDE clients)
 * @param ackRegister output_int_register_N a program sets to its command id when it starts
 * @param doneRegister output_int_register_N a program sets to its command id when it finishes
 * @param commandTimeoutMargin added to a command's estimated duration to make its deadline
 */
public record UrDriverConfig(
    String id,
    String host,
    int dashboardPort,
    int secondaryPort,
    int rtdePort,
    String model,
    int rtdeFrequency,
    Duration connectTimeout,
    Duration rtdeTimeout,
    Duration activationTimeout,
    int watchdogKickHz,
    double watchdogRobotMinHz,
    int watchdogRegister,
    int ackRegister,
    int doneRegister,
    Duration commandTimeoutMargin,
    double stopDeceleration,
    GuardLimits limits) {

  public UrDriverConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limits, "limits");
  }

  /** The defaults for a UR5e at {@code host} on UR's standard ports. */
  public static UrDriverConfig defaults(String id, String host) {
    return new UrDriverConfig(id, host, 29999, 30002, 30004, "ur5e", 500, Duration.ofSeconds(2),
        Duration.ofMillis(250), Duration.ofSeconds(15), 25, 5.0, 24, 24, 25, Duration.ofSeconds(2), 3.0,
        GuardLimits.ur5eDefaults());
  }

  public UrDriverConfig withPorts(int dashboard, int secondary, int rtde) {
    return new UrDriverConfig(id, host, dashboard, secondary, rtde, model, rtdeFrequency, connectTimeout,
        rtdeTimeout, activationTimeout, watchdogKickHz, watchdogRobotMinHz, watchdogRegister, ackRegister,
        doneRegister, commandTimeoutMargin, stopDeceleration, limits);
  }

  public UrDriverConfig withRtde(int frequency, Duration timeout) {
    return new UrDriverConfig(id, host, dashboardPort, secondaryPort, rtdePort, model, frequency, connectTimeout,
        timeout, activationTimeout, watchdogKickHz, watchdogRobotMinHz, watchdogRegister, ackRegister,
        doneRegister, commandTimeoutMargin, stopDeceleration, limits);
  }

  public UrDriverConfig withWatchdog(int kickHz, double robotMinHz) {
    return new UrDriverConfig(id, host, dashboardPort, secondaryPort, rtdePort, model, rtdeFrequency,
        connectTimeout, rtdeTimeout, activationTimeout, kickHz, robotMinHz, watchdogRegister, ackRegister,
        doneRegister, commandTimeoutMargin, stopDeceleration, limits);
  }

  public UrDriverConfig withLimits(GuardLimits newLimits) {
    return new UrDriverConfig(id, host, dashboardPort, secondaryPort, rtdePort, model, rtdeFrequency,
        connectTimeout, rtdeTimeout, activationTimeout, watchdogKickHz, watchdogRobotMinHz, watchdogRegister,
        ackRegister, doneRegister, commandTimeoutMargin, stopDeceleration, newLimits);
  }

  /** Checks every value; the exception lists each bad key with its value. */
  public UrDriverConfig validate() {
    String p = "cellpilot.robots." + id + ".";
    List<String> errors = new ArrayList<>();
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      errors.add("cellpilot.robots.<id> must be lower-case letters, digits and dashes, was '" + id + "'");
    }
    if (host.isBlank()) {
      errors.add(p + "host must not be empty");
    }
    port(errors, p + "dashboard-port", dashboardPort);
    port(errors, p + "secondary-port", secondaryPort);
    port(errors, p + "rtde-port", rtdePort);
    if (!List.of("ur3e", "ur5e", "ur10e").contains(model)) {
      errors.add(p + "model must be one of ur3e, ur5e, ur10e, was '" + model + "'");
    }
    if (rtdeFrequency < 1 || rtdeFrequency > 500) {
      errors.add(p + "rtde-frequency must be between 1 and 500 Hz, was " + rtdeFrequency);
    }
    if (rtdeTimeout.toMillis() < 3000 / Math.max(1, rtdeFrequency) || rtdeTimeout.toMillis() > 5000) {
      errors.add(p + "rtde-timeout must be between 3 RTDE periods and 5000 ms, was " + rtdeTimeout.toMillis()
          + " ms");
    }
    if (watchdogKickHz < 10 || watchdogKickHz > 250) {
      errors.add(p + "watchdog.kick-hz must be between 10 and 250 Hz, was " + watchdogKickHz);
    }
    if (!(watchdogRobotMinHz > 0) || watchdogRobotMinHz >= watchdogKickHz) {
      errors.add(p + "watchdog.robot-min-hz must be above 0 and below watchdog.kick-hz (" + watchdogKickHz
          + "), was " + watchdogRobotMinHz);
    }
    register(errors, p + "watchdog.register", watchdogRegister);
    register(errors, p + "ack-register", ackRegister);
    register(errors, p + "done-register", doneRegister);
    if (ackRegister == doneRegister) {
      errors.add(p + "ack-register and done-register must differ, both were " + ackRegister);
    }
    if (!(stopDeceleration > 0 && stopDeceleration <= GuardLimits.JOINT_ACCELERATION_RANGE)) {
      errors.add(p + "stop-deceleration must be between 0 and 40 rad/s^2, was " + stopDeceleration);
    }
    try {
      limits.validate(p);
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    return this;
  }

  private static void port(List<String> errors, String key, int port) {
    if (port < 1 || port > 65535) {
      errors.add(key + " must be between 1 and 65535, was " + port);
    }
  }

  private static void register(List<String> errors, String key, int register) {
    // UR reserves registers 0..23 for fieldbus adapters; 24..47 are for RTDE clients.
    if (register < 24 || register > 47) {
      errors.add(key + " must be between 24 and 47, was " + register);
    }
  }
}
