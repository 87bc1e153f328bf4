package io.cellpilot.sim.faults;

import io.cellpilot.sim.machines.MachineId;
import java.time.Duration;
import java.util.Objects;

/**
 * A fault the simulated cell can suffer. Each kind is a record; {@link #kind()} is its name in scenario files and
 * {@link #target()} what it affects (a machine, a sensor, a meter, the PLC, the robot zone).
 */
public sealed interface Fault {

  /** The scenario-file name of this kind of fault, e.g. {@code bearing}. */
  String kind();

  /** What the fault affects, e.g. {@code press}, {@code press/vibration}, {@code plc}. */
  String target();

  /** How long the fault lasts once started; {@code null} when it lasts until the cell stops. */
  Duration duration();

  /** A bearing wearing out: vibration grows (and a little temperature and current) to full severity over {@code growth}. */
  record Bearing(MachineId machine, Duration growth) implements Fault {
    public Bearing {
      Objects.requireNonNull(machine, "machine");
      positive(growth, "growth");
    }

    public String kind() {
      return "bearing";
    }

    public String target() {
      return machine.key();
    }

    public Duration duration() {
      return null;
    }
  }

  /** A sensor whose reading drifts away from the truth by {@code perHour} (sensor units) per hour. */
  record Drift(SensorKey sensor, double perHour, Duration duration) implements Fault {
    public Drift {
      Objects.requireNonNull(sensor, "sensor");
      if (!Double.isFinite(perHour) || perHour == 0) {
        throw new IllegalArgumentException("per-hour must be a non-zero number, was " + perHour);
      }
      if (duration != null) {
        positive(duration, "duration");
      }
    }

    public String kind() {
      return "drift";
    }

    public String target() {
      return sensor.toString();
    }
  }

  /** A sensor that publishes nothing for {@code duration}. */
  record Dropout(SensorKey sensor, Duration duration) implements Fault {
    public Dropout {
      Objects.requireNonNull(sensor, "sensor");
      positive(duration, "duration");
    }

    public String kind() {
      return "dropout";
    }

    public String target() {
      return sensor.toString();
    }
  }

  /** A sensor that repeats the value it had when the fault started, for {@code duration}. */
  record Stuck(SensorKey sensor, Duration duration) implements Fault {
    public Stuck {
      Objects.requireNonNull(sensor, "sensor");
      positive(duration, "duration");
    }

    public String kind() {
      return "stuck";
    }

    public String target() {
      return sensor.toString();
    }
  }

  /** A sensor whose messages are malformed JSON (truncated, wrong types, missing fields) for {@code duration}. */
  record MalformedJson(SensorKey sensor, Duration duration) implements Fault {
    public MalformedJson {
      Objects.requireNonNull(sensor, "sensor");
      positive(duration, "duration");
    }

    public String kind() {
      return "malformed-json";
    }

    public String target() {
      return sensor.toString();
    }
  }

  /** {@code extraKw} more active power on meter {@code meter} ({@code main} or a machine key) for {@code duration}. */
  record PowerSpike(String meter, double extraKw, Duration duration) implements Fault {
    public PowerSpike {
      Objects.requireNonNull(meter, "meter");
      if (!"main".equals(meter) && MachineId.fromKey(meter).isEmpty()) {
        throw new IllegalArgumentException("meter must be main or one of " + MachineId.keys() + ", was " + meter);
      }
      if (!(extraKw > 0 && extraKw < 10_000)) {
        throw new IllegalArgumentException("extra-kw must be between 0 and 10000 kW, was " + extraKw);
      }
      positive(duration, "duration");
    }

    public String kind() {
      return "power-spike";
    }

    public String target() {
      return meter;
    }
  }

  /** The PLC's OPC UA server goes away (connections drop) and comes back on the same port after {@code downFor}. */
  record PlcRestart(Duration downFor) implements Fault {
    public PlcRestart {
      positive(downFor, "down");
    }

    public String kind() {
      return "plc-restart";
    }

    public String target() {
      return "plc";
    }

    public Duration duration() {
      return downFor;
    }
  }

  /** A person walks up to the robot, comes as close as {@code closestDistance} metres, and leaves after {@code duration}. */
  record PersonInZone(Duration duration, double closestDistance) implements Fault {
    public PersonInZone {
      positive(duration, "duration");
      if (!(closestDistance >= 0 && closestDistance < 10)) {
        throw new IllegalArgumentException("closest-distance must be between 0 and 10 m, was " + closestDistance);
      }
    }

    public String kind() {
      return "person-in-zone";
    }

    public String target() {
      return "robot-zone";
    }
  }

  /** A machine trips (e.g. motor overload): the line faults with {@code reason} until someone calls Reset. */
  record MachineTrip(MachineId machine, String reason) implements Fault {
    public MachineTrip {
      Objects.requireNonNull(machine, "machine");
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be empty");
      }
    }

    public String kind() {
      return "machine-trip";
    }

    public String target() {
      return machine.key();
    }

    public Duration duration() {
      return null;
    }
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
    }
  }
}
