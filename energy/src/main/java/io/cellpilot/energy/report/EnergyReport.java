package io.cellpilot.energy.report;

import io.cellpilot.energy.EnergyException;
import io.cellpilot.energy.EnergyException.Code;
import io.cellpilot.energy.record.RecordStore;
import io.cellpilot.energy.record.ShiftRecord;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the energy, carbon and OEE report of a time range: {@code energy-report.csv} (per shift),
 * {@code energy-report-days.csv} (per day) and {@code energy-report.png} (chart per shift).
 */
public final class EnergyReport {

  /** What was written. */
  public record Written(Path csv, Path days, Path png, int shifts) {}

  private EnergyReport() {}

  /** Reads the shifts of {@code [from, to)} from {@code store} and writes both files into {@code outDir}. */
  public static Written write(RecordStore store, Instant from, Instant to, Path outDir) {
    if (!from.isBefore(to)) {
      throw new EnergyException(Code.EMPTY_RANGE, "the report range is empty: --from " + from + " is not before --to "
          + to);
    }
    List<ShiftRecord> shifts = store.shifts(from, to);
    if (shifts.isEmpty()) {
      throw new EnergyException(Code.EMPTY_RANGE, "no shift records between " + from + " and " + to + " in "
          + store.dir() + " (is this the controller's data-dir? records are written while it runs with meters)");
    }
    try {
      Files.createDirectories(outDir);
      Path csv = outDir.resolve("energy-report.csv");
      try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        ReportCsv.write(shifts, w);
      }
      Path days = outDir.resolve("energy-report-days.csv");
      try (Writer w = Files.newBufferedWriter(days, StandardCharsets.UTF_8)) {
        ReportCsv.writeDays(shifts, w);
      }
      Path png = outDir.resolve("energy-report.png");
      ReportChart.write(shifts, "CellPilot energy, carbon and OEE per shift, " + from + " .. " + to, png);
      return new Written(csv, days, png, shifts.size());
    } catch (IOException e) {
      throw new EnergyException(Code.IO, "cannot write the report into " + outDir + ": " + e, e);
    }
  }
}
