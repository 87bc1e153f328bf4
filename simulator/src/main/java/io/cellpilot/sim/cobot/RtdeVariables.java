package io.cellpilot.sim.cobot;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * The RTDE variables the simulated controller knows, with the type names of UR's RTDE guide (DOUBLE, INT32, UINT32,
 * UINT64, UINT8, VECTOR6D, ...) and how each output is written from a {@link Snapshot}. Unknown names are answered
 * with NOT_FOUND in the recipe, as the robot does.
 */
final class RtdeVariables {

  private RtdeVariables() {}

  /** Writes one output variable's value, big-endian. */
  interface Encoder {
    void write(Snapshot s, DataOutputStream out) throws IOException;
  }

  /** An output variable: its RTDE type and how to encode it. */
  record Output(String type, Encoder encoder) {}

  static Optional<Output> output(String name) {
    switch (name) {
      case "timestamp": return Optional.of(new Output("DOUBLE", (s, o) -> o.writeDouble(s.timestamp())));
      case "actual_q": return vector6(Snapshot::q);
      case "actual_qd": return vector6(Snapshot::qd);
      case "target_q": return vector6(Snapshot::targetQ);
      case "actual_TCP_pose": return vector6(Snapshot::tcpPose);
      case "actual_TCP_speed": return vector6(Snapshot::tcpSpeed);
      case "actual_current": return vector6(Snapshot::currents);
      case "actual_joint_voltage": return vector6(Snapshot::jointVoltages);
      case "robot_mode": return int32(s -> s.robotMode().code);
      case "safety_mode": return int32(s -> s.safetyMode().code);
      case "runtime_state": return uint32(s -> s.runtimeState().code);
      case "robot_status_bits": return uint32(Snapshot::robotStatusBits);
      case "safety_status_bits": return uint32(Snapshot::safetyStatusBits);
      case "speed_scaling": return dbl(Snapshot::speedScaling);
      case "target_speed_fraction": return dbl(Snapshot::targetSpeedFraction);
      case "actual_robot_voltage": return dbl(Snapshot::robotVoltage);
      case "actual_robot_current": return dbl(Snapshot::robotCurrent);
      case "actual_digital_output_bits":
        return Optional.of(new Output("UINT64", (s, o) -> o.writeLong(s.digitalOutputs())));
      default:
        break;
    }
    int register = register(name, "output_int_register_");
    if (register >= 0) {
      return int32(s -> s.outInt()[register]);
    }
    int dregister = register(name, "output_double_register_");
    if (dregister >= 0) {
      return dbl(s -> s.outDouble()[dregister]);
    }
    return Optional.empty();
  }

  /** The RTDE type of an input variable, empty when the robot has no such input. */
  static Optional<String> inputType(String name) {
    switch (name) {
      case "speed_slider_mask": return Optional.of("UINT32");
      case "speed_slider_fraction": return Optional.of("DOUBLE");
      default: break;
    }
    if (register(name, "input_int_register_") >= 0) {
      return Optional.of("INT32");
    }
    if (register(name, "input_double_register_") >= 0) {
      return Optional.of("DOUBLE");
    }
    return Optional.empty();
  }

  /** Bytes one value of {@code type} takes on the wire. */
  static int size(String type) {
    switch (type) {
      case "DOUBLE": case "UINT64": return 8;
      case "INT32": case "UINT32": return 4;
      case "UINT8": case "BOOL": return 1;
      case "VECTOR6D": return 48;
      case "VECTOR3D": return 24;
      default: throw new IllegalArgumentException("unknown RTDE type " + type);
    }
  }

  private static int register(String name, String prefix) {
    if (!name.startsWith(prefix)) {
      return -1;
    }
    try {
      int n = Integer.parseInt(name.substring(prefix.length()));
      return n >= 0 && n < 48 ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Optional<Output> vector6(java.util.function.Function<Snapshot, double[]> f) {
    return Optional.of(new Output("VECTOR6D", (s, o) -> {
      for (double v : f.apply(s)) {
        o.writeDouble(v);
      }
    }));
  }

  private static Optional<Output> int32(java.util.function.ToIntFunction<Snapshot> f) {
    return Optional.of(new Output("INT32", (s, o) -> o.writeInt(f.applyAsInt(s))));
  }

  private static Optional<Output> uint32(java.util.function.ToIntFunction<Snapshot> f) {
    return Optional.of(new Output("UINT32", (s, o) -> o.writeInt(f.applyAsInt(s))));
  }

  private static Optional<Output> dbl(java.util.function.ToDoubleFunction<Snapshot> f) {
    return Optional.of(new Output("DOUBLE", (s, o) -> o.writeDouble(f.applyAsDouble(s))));
  }
}
