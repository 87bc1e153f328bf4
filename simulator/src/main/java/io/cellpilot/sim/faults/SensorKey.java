package io.cellpilot.sim.faults;

import io.cellpilot.sim.machines.MachineId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** One health sensor of one machine, written {@code press/vibration} in scenario files. */
public record SensorKey(MachineId machine, Quantity quantity) {

  /** What a health sensor measures; {@link #label()} is also the last MQTT topic level. */
  public enum Quantity {
    VIBRATION("vibration", "mm/s"),
    CURRENT("current", "A"),
    BEARING_TEMPERATURE("bearing-temperature", "degC");

    private final String label;
    private final String unit;

    Quantity(String label, String unit) {
      this.label = label;
      this.unit = unit;
    }

    public String label() {
      return label;
    }

    public String unit() {
      return unit;
    }

    public static Optional<Quantity> fromLabel(String label) {
      return Arrays.stream(values()).filter(q -> q.label.equals(label)).findFirst();
    }

    public static String labels() {
      return Arrays.stream(values()).map(Quantity::label).collect(Collectors.joining(", "));
    }
  }

  public SensorKey {
    java.util.Objects.requireNonNull(machine, "machine");
    java.util.Objects.requireNonNull(quantity, "quantity");
  }

  /** Parses {@code press/vibration}; empty when either part is unknown. */
  public static Optional<SensorKey> parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<MachineId> m = MachineId.fromKey(text.substring(0, slash));
    Optional<Quantity> q = Quantity.fromLabel(text.substring(slash + 1));
    return m.isPresent() && q.isPresent() ? Optional.of(new SensorKey(m.get(), q.get())) : Optional.empty();
  }

  @Override
  public String toString() {
    return machine.key() + "/" + quantity.label();
  }
}
