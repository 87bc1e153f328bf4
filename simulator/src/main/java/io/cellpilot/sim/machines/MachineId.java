package io.cellpilot.sim.machines;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The machines of the simulated cell. {@link #plcName()} is the folder under {@code Line1/Machines}, {@link #key()}
 * the lower-case name used in MQTT topics and configuration (docs/wire-contracts.md).
 */
public enum MachineId {
  CONVEYOR("Conveyor", "conveyor"),
  PRESS("Press", "press"),
  ROBOT("Robot", "robot");

  private final String plcName;
  private final String key;

  MachineId(String plcName, String key) {
    this.plcName = plcName;
    this.key = key;
  }

  public String plcName() {
    return plcName;
  }

  public String key() {
    return key;
  }

  public static Optional<MachineId> fromKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
  }

  /** All keys, comma separated, for error messages. */
  public static String keys() {
    return Arrays.stream(values()).map(MachineId::key).collect(Collectors.joining(", "));
  }
}
