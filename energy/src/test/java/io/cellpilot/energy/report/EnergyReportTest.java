package io.cellpilot.energy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.energy.EnergyException;
import io.cellpilot.energy.record.PartEnergy;
import io.cellpilot.energy.record.RecordStore;
import io.cellpilot.energy.record.ShiftRecord;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyReportTest {
  static final Instant S1 = Instant.parse("2026-11-22T06:00:00Z");

  static ShiftRecord shift(int n, boolean closed, double kwh, double oee) {
    Instant start = S1.plusSeconds(8L * 3600 * (n - 1));
    return new ShiftRecord("2026-11-22/" + n, "2026-11-22", start, start.plusSeconds(8 * 3600), closed, "main",
        Map.of("main", kwh, "press", kwh * 0.6), kwh, kwh * 0.1, Map.of("main", 12.0), List.of(), "cn-south-2022",
        0.3869, kwh * 0.3869, kwh * 0.2, Map.of(), 14_000, 13_500, 13_900, 120, 0.05, 25_000, 2_000, 1_800, 0,
        0.93, 0.9, 0.97, oee, kwh / 14_000, kwh / 13_500, kwh * 0.3869 / 13_500);
  }

  @Test
  void shiftsRoundTripThroughTheStoreAndTheRunningShiftAppearsUntilItCloses(@TempDir Path dir) {
    RecordStore store = new RecordStore(dir);
    store.appendShift(shift(1, true, 420.5, 0.81));
    store.writeCurrent(shift(2, false, 100.0, Double.NaN));
    List<ShiftRecord> read = store.shifts(S1, S1.plusSeconds(86_400));
    assertEquals(2, read.size());
    assertEquals(shift(1, true, 420.5, 0.81), read.get(0));
    assertFalse(read.get(1).closed());
    assertTrue(Double.isNaN(read.get(1).oee()), "NaN stays NaN on disk, never 0");
    store.appendShift(shift(2, true, 410.0, 0.8));
    assertEquals(List.of(true, true), store.shifts(S1, S1.plusSeconds(86_400)).stream().map(ShiftRecord::closed).toList());
    PartEnergy p = new PartEnergy("2026-11-22/1", S1, S1.plusSeconds(2), 1, 2, Map.of("main", 0.0021), Set.of(),
        0.0021, 0.0021 * 0.3869, 0.0);
    store.appendPart(p);
    assertEquals(List.of(p), store.parts(S1, S1.plusSeconds(60)));
  }

  @Test
  void theReportWritesACsvAndAPngOfTheShiftsInTheRange(@TempDir Path dir) throws Exception {
    RecordStore store = new RecordStore(dir.resolve("energy"));
    store.appendShift(shift(1, true, 420.5, 0.81));
    store.appendShift(shift(2, true, 380.25, 0.78));
    store.appendShift(shift(3, true, 150.0, 0.4));
    EnergyReport.Written w = EnergyReport.write(store, S1, S1.plusSeconds(16 * 3600), dir.resolve("out"));
    assertEquals(2, w.shifts());
    List<String> csv = Files.readAllLines(w.csv());
    assertEquals(3, csv.size());
    assertTrue(csv.get(0).startsWith("shift,day,start,end,status,site_meter,site_kwh,idle_kwh"), csv.get(0));
    assertTrue(csv.get(1).startsWith("2026-11-22/1,2026-11-22,2026-11-22T06:00:00Z,2026-11-22T14:00:00Z,closed,main,"
        + "420.5000,42.0500,12.0,162.6915,84.1000,cn-south-2022,0.3869,14000,13500,13900"), csv.get(1));
    assertTrue(csv.get(1).endsWith(",420.5000,252.3000"), csv.get(1));
    List<String> days = Files.readAllLines(w.days());
    assertEquals(List.of("day,shifts,site_kwh,idle_kwh,location_kg_co2,market_kg_co2,parts,good,kwh_per_good_part,"
        + "kg_co2_per_good_part", "2026-11-22,2,800.7500,80.0750,309.8102,160.1500,28000,27000,0.029657,0.011474"),
        days);
    BufferedImage png = ImageIO.read(w.png().toFile());
    assertTrue(png.getWidth() > 100 && png.getHeight() > 600);
  }

  @Test
  void anUnknownFigureIsAnEmptyCellNotAZero(@TempDir Path dir) throws Exception {
    RecordStore store = new RecordStore(dir);
    store.writeCurrent(shift(1, false, 10, Double.NaN));
    EnergyReport.Written w = EnergyReport.write(store, S1, S1.plusSeconds(3600), dir.resolve("out"));
    String row = Files.readAllLines(w.csv()).get(1);
    assertTrue(row.contains(",0.9700,,25000.0,"), row);
  }

  @Test
  void anEmptyRangeIsAClearErrorNamingTheRangeAndTheFolder(@TempDir Path dir) {
    RecordStore store = new RecordStore(dir);
    store.appendShift(shift(1, true, 420.5, 0.81));
    EnergyException e = assertThrows(EnergyException.class,
        () -> EnergyReport.write(store, S1.minusSeconds(86_400), S1, dir.resolve("out")));
    assertEquals(EnergyException.Code.EMPTY_RANGE, e.code());
    assertTrue(e.getMessage().startsWith("no shift records between 2026-11-21T06:00:00Z and 2026-11-22T06:00:00Z in "),
        e.getMessage());
    e = assertThrows(EnergyException.class, () -> EnergyReport.write(store, S1, S1, dir.resolve("out")));
    assertTrue(e.getMessage().contains("is not before --to"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("out")));
  }
}
