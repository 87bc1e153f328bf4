package io.cellpilot.controller.cell;

/**
 * The robot as the controller core needs to know it.
 *
 * @param connected the driver talks to the robot
 * @param ready the robot can take a reject pick now (driver ACTIVE, normal safety mode, program running)
 * @param driverState UNCONFIGURED, INACTIVE, ACTIVE or FAULT
 * @param detail a sentence for operators, e.g. why it is not ready
 */
public record RobotStatus(String robotId, boolean connected, boolean ready, String driverState, String detail) {
  public static RobotStatus absent(String why) {
    return new RobotStatus("", false, false, "UNCONFIGURED", why);
  }
}
