package io.cellpilot.sim.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellpilot.sim.SimException;
import io.cellpilot.sim.config.ConfigNode;
import io.cellpilot.sim.config.Yaml;
import io.cellpilot.sim.machines.MachineId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads faults from a scenario: the {@code faults:} list of a scenario file or of the simulator's configuration.
 * Every entry has {@code kind} and {@code at} (simulated time after start, default 0s) plus its kind's own keys;
 * errors name the entry and key, e.g. {@code faults[2].machine must be one of conveyor, press, robot, was "pump"}.
 */
public final class ScenarioReader {

  private static final String KINDS =
      "bearing, drift, dropout, stuck, malformed-json, power-spike, plc-restart, person-in-zone, machine-trip";

  private final List<MachineId> sensorMachines;

  /** {@code sensorMachines}: the machines that carry health sensors (sensor faults may only name those). */
  public ScenarioReader(List<MachineId> sensorMachines) {
    this.sensorMachines = List.copyOf(sensorMachines);
  }

  /** Reads a scenario file: a mapping with one key, {@code faults}. */
  public List<ScheduledFault> readFile(Path file) {
    JsonNode tree;
    try {
      tree = Yaml.read(Files.readString(file));
    } catch (IOException e) {
      throw new SimException(SimException.Code.IO, "cannot read scenario file " + file + ": " + e.getMessage(), e);
    } catch (SimException e) {
      throw new SimException(SimException.Code.INVALID_SCENARIO, file + ": " + e.getMessage(), e);
    }
    try {
      ConfigNode root = ConfigNode.root(tree, "a scenario file");
      List<ScheduledFault> faults = read(root);
      root.finish();
      return faults;
    } catch (SimException e) {
      throw new SimException(SimException.Code.INVALID_SCENARIO, file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the {@code faults} list of {@code parent} (empty when absent). */
  public List<ScheduledFault> read(ConfigNode parent) {
    List<ScheduledFault> out = new ArrayList<>();
    for (ConfigNode entry : parent.mappings("faults").orElse(List.of())) {
      out.add(readEntry(entry));
      entry.finish();
    }
    return out;
  }

  private ScheduledFault readEntry(ConfigNode e) {
    String kind = e.string("kind").orElseThrow(() -> invalid(e.key("kind") + " is missing; one of " + KINDS));
    Duration at = e.duration("at").orElse(Duration.ZERO);
    Fault fault;
    try {
      fault = switch (kind) {
        case "bearing" -> new Fault.Bearing(machine(e, "machine"), e.duration("growth").orElse(Duration.ofMinutes(10)));
        case "drift" -> new Fault.Drift(sensor(e), e.number("per-hour").orElseThrow(() -> missing(e, "per-hour")),
            e.duration("duration").orElse(null));
        case "dropout" -> new Fault.Dropout(sensor(e), e.duration("duration").orElse(Duration.ofSeconds(30)));
        case "stuck" -> new Fault.Stuck(sensor(e), e.duration("duration").orElse(Duration.ofSeconds(60)));
        case "malformed-json" -> new Fault.MalformedJson(sensor(e), e.duration("duration").orElse(Duration.ofSeconds(10)));
        case "power-spike" -> new Fault.PowerSpike(meter(e), e.number("extra-kw").orElse(5.0),
            e.duration("duration").orElse(Duration.ofSeconds(2)));
        case "plc-restart" -> new Fault.PlcRestart(e.duration("down").orElse(Duration.ofSeconds(5)));
        case "person-in-zone" -> new Fault.PersonInZone(e.duration("duration").orElse(Duration.ofSeconds(20)),
            e.number("closest-distance").orElse(0.6));
        case "machine-trip" -> new Fault.MachineTrip(machine(e, "machine"), e.string("reason").orElse("motor overload"));
        default -> throw invalid(e.key("kind") + " must be one of " + KINDS + ", was \"" + kind + "\"");
      };
    } catch (IllegalArgumentException ex) {
      // The records check their own values; prefix the entry so the message names where it came from.
      throw invalid(e.path() + "." + ex.getMessage());
    }
    return new ScheduledFault(at, fault);
  }

  private MachineId machine(ConfigNode e, String key) {
    String name = e.string(key).orElseThrow(() -> missing(e, key));
    return MachineId.fromKey(name).orElseThrow(() ->
        invalid(e.key(key) + " must be one of " + MachineId.keys() + ", was \"" + name + "\""));
  }

  private String meter(ConfigNode e) {
    String name = e.string("meter").orElse("main");
    if (!"main".equals(name) && MachineId.fromKey(name).isEmpty()) {
      throw invalid(e.key("meter") + " must be main or one of " + MachineId.keys() + ", was \"" + name + "\"");
    }
    return name;
  }

  private SensorKey sensor(ConfigNode e) {
    String name = e.string("sensor").orElseThrow(() -> missing(e, "sensor"));
    SensorKey key = SensorKey.parse(name).orElseThrow(() -> invalid(e.key("sensor")
        + " must be <machine>/<quantity> with machine one of " + MachineId.keys() + " and quantity one of "
        + SensorKey.Quantity.labels() + ", was \"" + name + "\""));
    if (!sensorMachines.contains(key.machine())) {
      throw invalid(e.key("sensor") + " names " + key.machine().key() + ", which has no health sensors"
          + " (sensors.machines: " + sensorMachines.stream().map(MachineId::key).toList() + ")");
    }
    return key;
  }

  /** Checks a fault given at run time against this cell (sensor faults need a machine with sensors). */
  public void check(Fault fault) {
    SensorKey sensor = null;
    if (fault instanceof Fault.Drift d) {
      sensor = d.sensor();
    } else if (fault instanceof Fault.Dropout d) {
      sensor = d.sensor();
    } else if (fault instanceof Fault.Stuck s) {
      sensor = s.sensor();
    } else if (fault instanceof Fault.MalformedJson m) {
      sensor = m.sensor();
    }
    if (sensor != null && !sensorMachines.contains(sensor.machine())) {
      throw invalid(fault.kind() + " fault names sensor " + sensor + ", but " + sensor.machine().key()
          + " has no health sensors (sensors.machines: " + sensorMachines.stream().map(MachineId::key).toList() + ")");
    }
  }

  private static SimException missing(ConfigNode e, String key) {
    return invalid(e.key(key) + " is missing");
  }

  private static SimException invalid(String message) {
    return new SimException(SimException.Code.INVALID_SCENARIO, message);
  }
}
