package io.cellpilot.energy.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.energy.EnergyException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftCalendarTest {
  final ShiftCalendar shanghai =
      ShiftCalendar.parse(List.of("06:00", "14:00", "22:00"), "Asia/Shanghai", "shifts", "zone");

  @Test
  void anInstantBelongsToTheShiftThatStartedBeforeItInThePlantsTimeZone() {
    // 2026-11-22T06:30Z is 14:30 in Shanghai: the second shift.
    ShiftCalendar.Shift s = shanghai.shiftAt(Instant.parse("2026-11-22T06:30:00Z"));
    assertEquals("2026-11-22/2", s.id());
    assertEquals(Instant.parse("2026-11-22T06:00:00Z"), s.start());
    assertEquals(Instant.parse("2026-11-22T14:00:00Z"), s.end());
  }

  @Test
  void theNightShiftBelongsToTheDayItStartedOnAcrossMidnight() {
    // 03:00 Shanghai on the 23rd = 19:00Z on the 22nd: the night shift that started 22:00 on the 22nd.
    ShiftCalendar.Shift s = shanghai.shiftAt(Instant.parse("2026-11-22T19:00:00Z"));
    assertEquals("2026-11-22/3", s.id());
    assertEquals(Duration.ofHours(8), Duration.between(s.start(), s.end()));
    assertEquals("2026-11-23/1", shanghai.next(s).id());
  }

  @Test
  void aDaylightSavingChangeMakesTheNightShiftShorter() {
    ShiftCalendar berlin = ShiftCalendar.parse(List.of("06:00", "14:00", "22:00"), "Europe/Berlin", "s", "z");
    // Clocks go forward at 02:00 on 2026-03-29: the night shift of the 28th lasts 7 hours.
    ShiftCalendar.Shift s = berlin.shiftAt(Instant.parse("2026-03-29T00:30:00Z"));
    assertEquals("2026-03-28/3", s.id());
    assertEquals(Duration.ofHours(7), Duration.between(s.start(), s.end()));
  }

  @Test
  void badShiftTimesOrZonesAreRefusedNamingTheKey() {
    EnergyException e = assertThrows(EnergyException.class,
        () -> ShiftCalendar.parse(List.of("14:00", "06:00"), "UTC", "cellpilot.energy.shifts.starts", "z"));
    assertTrue(e.getMessage().startsWith("cellpilot.energy.shifts.starts must be strictly increasing"), e.getMessage());
    e = assertThrows(EnergyException.class,
        () -> ShiftCalendar.parse(List.of("6h"), "UTC", "cellpilot.energy.shifts.starts", "z"));
    assertTrue(e.getMessage().contains("'6h'"), e.getMessage());
    e = assertThrows(EnergyException.class,
        () -> ShiftCalendar.parse(List.of("06:00"), "Mars/Olympus", "s", "cellpilot.energy.shifts.zone"));
    assertTrue(e.getMessage().startsWith("cellpilot.energy.shifts.zone must be a time zone"), e.getMessage());
  }
}
