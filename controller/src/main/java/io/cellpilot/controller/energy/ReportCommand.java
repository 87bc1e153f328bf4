package io.cellpilot.controller.energy;

import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.config.ConfigFile;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.config.ConfigValidator;
import io.cellpilot.energy.EnergyException;
import io.cellpilot.energy.record.RecordStore;
import io.cellpilot.energy.report.EnergyReport;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cellpilot report --from ... --to ... [--out dir]}: the energy, carbon and OEE report of a range of shifts,
 * as {@code energy-report.csv} and {@code energy-report.png}, from the records the controller wrote.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write energy, carbon and OEE per shift (CSV + PNG chart) for a time range.")
public final class ReportCommand implements Callable<Integer> {

  @Option(names = "--from", required = true, paramLabel = "WHEN",
      description = "start: a day (2026-11-01, midnight in the plant's time zone) or an instant (2026-11-01T06:00:00Z)")
  String from;

  @Option(names = "--to", required = true, paramLabel = "WHEN", description = "end (exclusive), same forms as --from")
  String to;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "folder for the files (default: .)")
  Path out;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "the controller's configuration (finds the records and the plant's time zone)")
  Path config;

  @Option(names = "--records", paramLabel = "DIR", description = "the records folder (default: <data-dir>/energy, "
      + "or data/energy without --config)")
  Path records;

  @Option(names = "--zone", paramLabel = "ZONE", description = "time zone for days in --from/--to (default: the "
      + "configured shifts.zone, else UTC)")
  String zone;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path dir = records;
    String zoneId = zone;
    try {
      if (config != null) {
        ConfigTree tree = ConfigValidator.validate(ConfigFile.read(config));
        if (dir == null) {
          dir = tree.optionalString("cellpilot.energy.records-dir").map(Path::of)
              .orElseGet(() -> tree.path("cellpilot.data-dir").resolve("energy"));
        }
        if (zoneId == null) {
          zoneId = tree.string("cellpilot.energy.shifts.zone");
        }
      }
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("cellpilot report: the configuration " + config + " is not valid:\n  - "
          + String.join("\n  - ", e.problems()));
      return 2;
    }
    dir = dir == null ? Path.of("data", "energy") : dir;
    try {
      ZoneId z = ZoneId.of(zoneId == null ? "UTC" : zoneId);
      Instant a = parse(from, "--from", z);
      Instant b = parse(to, "--to", z);
      EnergyReport.Written w = EnergyReport.write(new RecordStore(dir), a, b, out);
      spec.commandLine().getOut().printf("%d shifts from %s to %s%n  %s%n  %s%n  %s%n", w.shifts(), a, b, w.csv(),
          w.days(), w.png());
      return 0;
    } catch (EnergyException e) {
      spec.commandLine().getErr().println("cellpilot report: " + e.getMessage());
      return e.code() == EnergyException.Code.EMPTY_RANGE ? 1 : 2;
    } catch (DateTimeException e) {
      spec.commandLine().getErr().println("cellpilot report: --zone must be a time zone such as Asia/Shanghai, was '"
          + zoneId + "'");
      return 2;
    }
  }

  private static Instant parse(String s, String option, ZoneId zone) {
    try {
      return s.contains("T") ? Instant.parse(s) : LocalDate.parse(s).atStartOfDay(zone).toInstant();
    } catch (DateTimeException e) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, option + " must be a day (2026-11-01) or an "
          + "instant (2026-11-01T06:00:00Z), was '" + s + "'");
    }
  }
}
