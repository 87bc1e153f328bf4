package io.cellpilot.controller.energy;

import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.energy.EnergyConfig;
import io.cellpilot.energy.EnergyException;
import io.cellpilot.energy.attribution.ShiftCalendar;
import io.cellpilot.energy.carbon.Contract;
import io.cellpilot.energy.carbon.EmissionFactor;
import io.cellpilot.energy.carbon.EmissionFactorTable;
import io.cellpilot.energy.carbon.Scope2Calculator;
import io.cellpilot.energy.meter.MeterKind;
import io.cellpilot.energy.meter.MeterLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The energy settings ({@code cellpilot.energy.*}) turned into the energy module's configuration: meters (counter or
 * power, with their limits), site and robot meter, shifts, idle alarm, the grid's emission factor from the factor
 * table (or the user's own figure), contracts for the market-based figure, the baseline period and where records go.
 *
 * @param meterTags per meter: the tag whose samples feed the integrator, and the tag of its power (may be null)
 * @param factorKnown false when neither carbon.grid nor grid-factor is set: CO2 is then unknown (NaN), never guessed
 */
public record EnergySettings(EnergyConfig engine, Map<String, Tags> meterTags, Duration period, String partCountTag,
                             EmissionFactor factor, boolean factorKnown, double residualKgPerKwh,
                             List<Contract> contracts, Path recordsDir, Optional<Instant[]> baseline) {

  /** Meter ids that would collide with the energy topics {@code state/energy/shift} and {@code .../part}. */
  static final Set<String> RESERVED = Set.of("shift", "part");
  private static final String E = "cellpilot.energy.";

  /**
   * One meter's tags: {@code sampleTag} feeds the integrator (kWh or kW), {@code powerTag} is shown (may be null). A
   * virtual sub-meter has no sample tag: its {@code estimator} turns {@code estimatorInputs} into kW.
   */
  public record Tags(String sampleTag, String powerTag, MeterKind kind, Path estimator, List<String> estimatorInputs) {
    public boolean virtual() {
      return estimator != null;
    }
  }

  /** A fresh Scope 2 calculator for these settings (each engine owns one: it tracks contract use). */
  public Scope2Calculator scope2() {
    return new Scope2Calculator(factor, residualKgPerKwh, contracts);
  }

  /** True when energy is configured (at least one meter). */
  public static boolean configured(ConfigTree config) {
    return !config.ids(E + "meters").isEmpty();
  }

  /** Reads and checks every energy key; throws {@link EnergyException} naming the first key that is wrong. */
  public static EnergySettings of(ConfigTree config) {
    Map<String, EnergyConfig.Meter> meters = new LinkedHashMap<>();
    Map<String, Tags> tags = new LinkedHashMap<>();
    for (String id : config.ids(E + "meters")) {
      String base = E + "meters." + id;
      if (RESERVED.contains(id.toLowerCase(java.util.Locale.ROOT))) {
        throw invalid(base + " must not be named '" + id + "' (reserved for the shift and part topics)");
      }
      Optional<String> energyTag = config.optionalString(base + ".energy-tag");
      Optional<String> powerTag = config.optionalString(base + ".power-tag");
      Optional<String> estimator = config.optionalString(base + ".estimator.package");
      if (estimator.isPresent()) {
        List<String> inputs = config.list(base + ".estimator.inputs");
        if (inputs.isEmpty()) {
          throw invalid(base + ".estimator.inputs must name the state tags the estimator reads");
        }
        if (energyTag.isPresent() || powerTag.isPresent()) {
          throw invalid(base + ".estimator.package makes a virtual sub-meter: remove energy-tag and power-tag");
        }
        meters.put(id, new EnergyConfig.Meter(MeterKind.POWER, new MeterLimits(config.decimal(base + ".max-power"),
            config.duration(base + ".max-gap"), 0), true));
        tags.put(id, new Tags(null, null, MeterKind.POWER, Path.of(estimator.get()), List.copyOf(inputs)));
        continue;
      }
      String source = config.optionalString(base + ".source").orElse(energyTag.isPresent() ? "counter" : "power");
      MeterKind kind = source.equals("counter") ? MeterKind.COUNTER : MeterKind.POWER;
      if (kind == MeterKind.COUNTER && energyTag.isEmpty()) {
        throw invalid(base + ".energy-tag is required (source is counter); set it, or power-tag with source: power");
      }
      if (kind == MeterKind.POWER && powerTag.isEmpty()) {
        throw invalid(base + ".power-tag is required (source is power)");
      }
      MeterLimits limits = new MeterLimits(config.decimal(base + ".max-power"), config.duration(base + ".max-gap"),
          config.decimal(base + ".rollover"));
      meters.put(id, new EnergyConfig.Meter(kind, limits, config.bool(base + ".estimated")));
      tags.put(id, new Tags(kind == MeterKind.COUNTER ? energyTag.get() : powerTag.get(), powerTag.orElse(null), kind,
          null, List.of()));
    }
    String site = config.optionalString(E + "site-meter").orElseGet(() -> meters.containsKey("main") ? "main"
        : meters.size() == 1 ? meters.keySet().iterator().next() : null);
    if (site == null) {
      throw invalid(E + "site-meter is required with several meters and none named main (known: " + meters.keySet()
          + ")");
    }
    ShiftCalendar calendar = ShiftCalendar.parse(config.list(E + "shifts.starts"), config.string(E + "shifts.zone"),
        E + "shifts.starts", E + "shifts.zone");
    Duration ideal = config.optionalDuration("cellpilot.line.ideal-cycle-time").orElse(null);
    EnergyConfig engine = new EnergyConfig(meters, site, config.optionalString(E + "robot-meter").orElse(null),
        calendar, ideal, config.optionalDecimal(E + "idle.alarm-kw").orElse(Double.POSITIVE_INFINITY),
        config.duration(E + "idle.min-duration"), config.duration(E + "patience"), 8192);

    EmissionFactorTable table = EmissionFactorTable.shipped();
    Optional<String> file = config.optionalString(E + "carbon.factor-file");
    if (file.isPresent()) {
      table = table.extendedBy(Path.of(file.get()));
    }
    Optional<String> grid = config.optionalString(E + "carbon.grid");
    Optional<Double> own = config.optionalDecimal(E + "grid-factor");
    if (grid.isPresent() && own.isPresent()) {
      throw invalid(E + "grid-factor and " + E + "carbon.grid are both set; keep one (carbon.grid names a factor "
          + "with its source)");
    }
    EmissionFactor factor = grid.isPresent() ? table.require(grid.get(), E + "carbon.grid")
        : new EmissionFactor(own.isPresent() ? "grid-factor" : "none", 0, own.orElse(Double.NaN),
            own.isPresent() ? "configured in " + E + "grid-factor" : "no factor configured", "", "configuration");
    double residual = config.optionalDecimal(E + "carbon.residual-factor").orElse(factor.kgPerKwh());
    List<Contract> contracts = new ArrayList<>();
    for (String id : config.ids(E + "carbon.contracts")) {
      String base = E + "carbon.contracts." + id;
      LocalDate from = date(config.string(base + ".from"), base + ".from");
      LocalDate to = date(config.string(base + ".to"), base + ".to");
      if (to.isBefore(from)) {
        throw invalid(base + ".to must not be before .from, was " + to + " < " + from);
      }
      contracts.add(new Contract(id, config.decimal(base + ".mwh"), config.decimal(base + ".factor"), from, to));
    }
    Optional<Instant[]> baseline = baseline(config, calendar);
    Path records = config.optionalString(E + "records-dir").map(Path::of)
        .orElseGet(() -> config.path("cellpilot.data-dir").resolve("energy"));
    return new EnergySettings(engine, tags, config.duration(E + "period"), config.string(E + "part-count-tag"),
        factor, grid.isPresent() || own.isPresent(), residual, List.copyOf(contracts), records, baseline);
  }

  private static Optional<Instant[]> baseline(ConfigTree config, ShiftCalendar calendar) {
    Optional<String> from = config.optionalString(E + "baseline.from");
    Optional<String> to = config.optionalString(E + "baseline.to");
    if (from.isEmpty() && to.isEmpty()) {
      return Optional.empty();
    }
    if (from.isEmpty() || to.isEmpty()) {
      throw invalid(E + "baseline.from and " + E + "baseline.to go together; only one is set");
    }
    Instant a = instant(from.get(), E + "baseline.from", calendar);
    Instant b = instant(to.get(), E + "baseline.to", calendar);
    if (!a.isBefore(b)) {
      throw invalid(E + "baseline.to must be after baseline.from, was " + from.get() + " .. " + to.get());
    }
    return Optional.of(new Instant[] {a, b});
  }

  /** A day (start of day in the plant's zone) or an ISO instant. */
  static Instant instant(String s, String key, ShiftCalendar calendar) {
    try {
      return s.contains("T") ? Instant.parse(s) : LocalDate.parse(s).atStartOfDay(calendar.zone()).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(key + " must be a day (2026-11-01) or an instant (2026-11-01T06:00:00Z), was '" + s + "'");
    }
  }

  private static LocalDate date(String s, String key) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw invalid(key + " must be a day like 2026-01-01, was '" + s + "'");
    }
  }

  private static EnergyException invalid(String message) {
    return new EnergyException(EnergyException.Code.INVALID_CONFIG, message);
  }

  /** Every problem of the energy keys, each naming its key (empty when energy is not configured or all is well). */
  public static List<String> problems(ConfigTree config) {
    List<String> problems = new ArrayList<>();
    if (!configured(config)) {
      return problems;
    }
    EnergySettings s;
    try {
      s = of(config);
    } catch (EnergyException e) {
      problems.add(e.getMessage());
      return problems;
    }
    known(config, problems, E + "part-count-tag", s.partCountTag());
    s.meterTags().forEach((id, t) -> {
      String base = E + "meters." + id;
      if (t.virtual()) {
        if (!java.nio.file.Files.isRegularFile(t.estimator())) {
          problems.add(base + ".estimator.package " + t.estimator() + " does not exist or is not a file");
        }
        t.estimatorInputs().forEach(tag -> known(config, problems, base + ".estimator.inputs", tag));
        return;
      }
      known(config, problems, base + (t.kind() == MeterKind.COUNTER ? ".energy-tag" : ".power-tag"), t.sampleTag());
      if (t.powerTag() != null && t.kind() == MeterKind.COUNTER) {
        known(config, problems, base + ".power-tag", t.powerTag());
      }
    });
    return problems;
  }

  private static void known(ConfigTree config, List<String> problems, String key, String tag) {
    if (!delivered(config, tag)) {
      problems.add(key + " names '" + tag + "', which no PLC tag (<plc>.<tag>) and no MQTT mapping's tag delivers");
    }
  }

  /** True when a configured PLC tag or an MQTT mapping's tag (template) produces {@code tag}. */
  static boolean delivered(ConfigTree config, String tag) {
    int dot = tag.indexOf('.');
    if (dot > 0 && config.ids("cellpilot.plcs." + tag.substring(0, dot) + ".tags").contains(tag.substring(dot + 1))) {
      return true;
    }
    for (String source : config.ids("cellpilot.mqtt-sources")) {
      String base = "cellpilot.mqtt-sources." + source + ".mappings";
      for (String mapping : config.ids(base)) {
        String template = config.optionalString(base + "." + mapping + ".tag").orElse(mapping);
        String regex = Pattern.quote(template).replaceAll("\\{\\d+}", "\\\\E.+\\\\Q");
        if (Pattern.matches(regex, tag)) {
          return true;
        }
      }
    }
    return false;
  }
}
