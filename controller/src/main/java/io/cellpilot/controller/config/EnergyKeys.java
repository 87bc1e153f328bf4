package io.cellpilot.controller.config;

import static io.cellpilot.controller.config.ValueType.BOOLEAN;
import static io.cellpilot.controller.config.ValueType.DECIMAL;
import static io.cellpilot.controller.config.ValueType.DURATION;
import static io.cellpilot.controller.config.ValueType.PATH;
import static io.cellpilot.controller.config.ValueType.STRING;
import static io.cellpilot.controller.config.ValueType.STRING_LIST;

import java.util.List;

/** Energy, carbon and OEE per shift ({@code cellpilot.energy.*}); docs/energy.md explains each. */
final class EnergyKeys {
  private static final String E = "cellpilot.energy.";

  static final List<ConfigKey> KEYS = List.of(
      ConfigKey.of(E + "grid-factor", DECIMAL, null,
          "your own grid factor, kg CO2 per kWh, when carbon.grid names no table entry (absent: CO2 not reported)")
          .range(0, 2, "kg/kWh"),
      ConfigKey.of(E + "period", DURATION, "5s", "how often meters, the running shift and its snapshot are published")
          .range(0.1, 3600, "s"),
      ConfigKey.of(E + "part-count-tag", STRING, "plc.part-count",
          "counter of parts that entered the line (energy per part is energy between its changes)"),
      ConfigKey.of(E + "site-meter", STRING, null, "the meter that measures the whole cell (default: main, or the only one)"),
      ConfigKey.of(E + "robot-meter", STRING, null, "the meter whose energy over a pick is the pick's energy"),
      ConfigKey.of(E + "meters.*.energy-tag", STRING, null, "tag of the meter's energy counter (kWh register)"),
      ConfigKey.of(E + "meters.*.power-tag", STRING, null, "tag of the meter's active power (kW)"),
      ConfigKey.of(E + "meters.*.source", STRING, null,
          "what energy is computed from: counter (energy-tag) or power (power-tag, integrated); default: counter "
              + "when energy-tag is set").oneOf("counter", "power"),
      ConfigKey.of(E + "meters.*.max-power", DECIMAL, "1000", "readings (or counter steps) above this are absurd and "
          + "rejected").range(0.001, 1_000_000, "kW"),
      ConfigKey.of(E + "meters.*.max-gap", DURATION, "10s", "samples further apart are a gap: power is not bridged, "
          + "a counter's span is flagged").range(0.01, 86_400, "s"),
      ConfigKey.of(E + "meters.*.rollover", DECIMAL, "0", "the counter register's maximum, after which it restarts at "
          + "0 (0: never rolls over)").range(0, 1e12, "kWh"),
      ConfigKey.of(E + "meters.*.estimated", BOOLEAN, "false", "a virtual sub-meter (an estimate, e.g. the vision "
          + "energy model's): labelled as estimated everywhere"),
      ConfigKey.of(E + "meters.*.estimator.package", PATH, null, "a virtual sub-meter: an energy model package "
          + "(cellpilot train --kind energy) that estimates the machine's power from its state tags"),
      ConfigKey.of(E + "meters.*.estimator.inputs", STRING_LIST, null, "the state tags the estimator reads, in the "
          + "order of its inputs"),
      ConfigKey.of(E + "shifts.starts", STRING_LIST, "06:00, 14:00, 22:00", "local start times of the shifts"),
      ConfigKey.of(E + "shifts.zone", STRING, "UTC", "the plant's time zone, e.g. Asia/Shanghai"),
      ConfigKey.of(E + "idle.alarm-kw", DECIMAL, null, "alarm when the stopped line draws more than this on average "
          + "(absent: idle energy is reported, no alarm)").range(0, 1_000_000, "kW"),
      ConfigKey.of(E + "idle.min-duration", DURATION, "5m", "how long the line must stand before the idle alarm can "
          + "rise").range(1, 86_400, "s"),
      ConfigKey.of(E + "patience", DURATION, "30s", "how long a late meter is waited for before an interval is closed "
          + "without it, and a shift kept open after its end").range(0.1, 3600, "s"),
      ConfigKey.of(E + "records-dir", PATH, null, "shift and part records (default: <data-dir>/energy)"),
      ConfigKey.of(E + "carbon.grid", STRING, null, "key of the grid's emission factor in the factor table, e.g. "
          + "cn-south-2022"),
      ConfigKey.of(E + "carbon.factor-file", PATH, null, "your own factor table (CSV: key,year,kg_per_kwh,source,"
          + "published) that extends the shipped one"),
      ConfigKey.of(E + "carbon.residual-factor", DECIMAL, null, "market-based factor of energy no contract covers "
          + "(default: the grid factor)").range(0, 2, "kg/kWh"),
      ConfigKey.required(E + "carbon.contracts.*.mwh", DECIMAL, "energy the contract delivers (e.g. green power "
          + "purchased)").range(0, 1e9, "MWh"),
      ConfigKey.of(E + "carbon.contracts.*.factor", DECIMAL, "0", "the contract's emission factor").range(0, 2,
          "kg/kWh"),
      ConfigKey.required(E + "carbon.contracts.*.from", STRING, "first day the contract covers (YYYY-MM-DD)"),
      ConfigKey.required(E + "carbon.contracts.*.to", STRING, "last day the contract covers (YYYY-MM-DD)"),
      ConfigKey.of(E + "baseline.from", STRING, null, "start of the EnPI baseline period (YYYY-MM-DD or ISO instant)"),
      ConfigKey.of(E + "baseline.to", STRING, null, "end of the EnPI baseline period (exclusive)"));

  private EnergyKeys() {}
}
