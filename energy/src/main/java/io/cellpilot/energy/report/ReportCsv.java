package io.cellpilot.energy.report;

import io.cellpilot.energy.record.ShiftRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Writes shifts as CSV (RFC 4180, comma, header row) that a spreadsheet opens as it is. Unknown figures are empty
 * cells, never 0; ratios are 0..1.
 */
public final class ReportCsv {
  private ReportCsv() {}

  public static void write(List<ShiftRecord> shifts, Writer out) throws IOException {
    TreeSet<String> meters = new TreeSet<>();
    shifts.forEach(s -> meters.addAll(s.meterKwh().keySet()));
    StringBuilder h = new StringBuilder("shift,day,start,end,status,site_meter,site_kwh,idle_kwh,site_gap_s,"
        + "location_kg_co2,market_kg_co2,factor_key,factor_kg_per_kwh,parts,good,inspected,kwh_per_part,"
        + "kwh_per_good_part,kg_co2_per_good_part,availability,performance,quality,oee,running_s,stopped_s,faulted_s,"
        + "picks,pick_kwh,estimated_meters");
    meters.forEach(m -> h.append(",kwh_").append(m));
    out.write(h.append("\r\n").toString());
    for (ShiftRecord s : shifts) {
      StringBuilder r = new StringBuilder();
      r.append(s.shift()).append(',').append(s.day()).append(',').append(s.start()).append(',').append(s.end())
          .append(',').append(s.closed() ? "closed" : "running").append(',').append(quote(s.siteMeter()));
      num(r, s.siteKwh(), 4);
      num(r, s.idleKwh(), 4);
      num(r, s.gapSeconds().getOrDefault(s.siteMeter(), Double.NaN), 1);
      num(r, s.locationKg(), 4);
      num(r, s.marketKg(), 4);
      r.append(',').append(quote(s.factorKey()));
      num(r, s.factorKgPerKwh(), 4);
      r.append(',').append(s.parts()).append(',').append(s.good()).append(',').append(s.inspected());
      num(r, s.kwhPerPart(), 6);
      num(r, s.kwhPerGoodPart(), 6);
      num(r, s.kgPerGoodPart(), 6);
      num(r, s.availability(), 4);
      num(r, s.performance(), 4);
      num(r, s.quality(), 4);
      num(r, s.oee(), 4);
      num(r, s.runningSeconds(), 1);
      num(r, s.stoppedSeconds(), 1);
      num(r, s.faultedSeconds(), 1);
      r.append(',').append(s.picks());
      num(r, s.pickKwh(), 6);
      r.append(',').append(quote(String.join(" ", s.estimated())));
      meters.forEach(m -> num(r, s.meterKwh().getOrDefault(m, Double.NaN), 4));
      out.write(r.append("\r\n").toString());
    }
  }

  /**
   * Writes one row per day (the plant's days, as the shifts carry them): the sums of its shifts, and energy and CO2 per
   * good part of the day. A day whose shifts' energy is unknown has an empty cell, not 0.
   */
  public static void writeDays(List<ShiftRecord> shifts, Writer out) throws IOException {
    out.write("day,shifts,site_kwh,idle_kwh,location_kg_co2,market_kg_co2,parts,good,kwh_per_good_part,"
        + "kg_co2_per_good_part\r\n");
    java.util.Map<String, List<ShiftRecord>> byDay = new java.util.TreeMap<>();
    shifts.forEach(s -> byDay.computeIfAbsent(s.day(), d -> new java.util.ArrayList<>()).add(s));
    for (var e : byDay.entrySet()) {
      double kwh = e.getValue().stream().mapToDouble(ShiftRecord::siteKwh).sum();
      double kg = e.getValue().stream().mapToDouble(ShiftRecord::locationKg).sum();
      long good = e.getValue().stream().mapToLong(ShiftRecord::good).sum();
      StringBuilder r = new StringBuilder(e.getKey()).append(',').append(e.getValue().size());
      num(r, kwh, 4);
      num(r, e.getValue().stream().mapToDouble(ShiftRecord::idleKwh).sum(), 4);
      num(r, kg, 4);
      num(r, e.getValue().stream().mapToDouble(ShiftRecord::marketKg).sum(), 4);
      r.append(',').append(e.getValue().stream().mapToLong(ShiftRecord::parts).sum()).append(',').append(good);
      num(r, good > 0 ? kwh / good : Double.NaN, 6);
      num(r, good > 0 ? kg / good : Double.NaN, 6);
      out.write(r.append("\r\n").toString());
    }
  }

  private static void num(StringBuilder r, double v, int decimals) {
    r.append(',');
    if (Double.isFinite(v)) {
      r.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }
  }

  private static String quote(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
