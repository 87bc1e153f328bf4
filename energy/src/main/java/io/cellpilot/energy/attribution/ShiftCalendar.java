package io.cellpilot.energy.attribution;

import io.cellpilot.energy.EnergyException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The plant's shift pattern: shifts start at fixed local times every day (e.g. 06:00, 14:00, 22:00) in the plant's
 * time zone; each runs until the next one starts. A shift belongs to the day it starts on, so the night shift that
 * starts at 22:00 on the 3rd is {@code 2026-11-03/3}. Daylight-saving changes make a shift shorter or longer, as
 * they do on the shop floor.
 */
public final class ShiftCalendar {

  /** One shift: its day and number (1-based), and its start and end instants. */
  public record Shift(LocalDate day, int number, Instant start, Instant end) {
    /** A stable id such as {@code 2026-11-03/2}. */
    public String id() {
      return day + "/" + number;
    }

    public boolean contains(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }
  }

  private final List<LocalTime> starts;
  private final ZoneId zone;

  /**
   * @param starts shift start times, strictly increasing within the day
   * @param key the setting's key, named in errors
   */
  public ShiftCalendar(List<LocalTime> starts, ZoneId zone, String key) {
    if (starts.isEmpty()) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, key + " needs at least one shift start, was empty");
    }
    for (int i = 1; i < starts.size(); i++) {
      if (!starts.get(i).isAfter(starts.get(i - 1))) {
        throw new EnergyException(EnergyException.Code.INVALID_CONFIG, key + " must be strictly increasing times of day,"
            + " was " + starts);
      }
    }
    this.starts = List.copyOf(starts);
    this.zone = zone;
  }

  /** Parses {@code "06:00, 14:00, 22:00"}; errors name {@code key}. */
  public static ShiftCalendar parse(List<String> starts, String zone, String key, String zoneKey) {
    List<LocalTime> times = new ArrayList<>();
    for (String s : starts) {
      try {
        times.add(LocalTime.parse(s.trim()));
      } catch (java.time.format.DateTimeParseException e) {
        throw new EnergyException(EnergyException.Code.INVALID_CONFIG, key + " must be times of day like 06:00, was '"
            + s + "'");
      }
    }
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, zoneKey + " must be a time zone such as "
          + "Asia/Shanghai or UTC, was '" + zone + "'");
    }
    return new ShiftCalendar(times, z, key);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The shift that contains {@code t}. */
  public Shift shiftAt(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    LocalDate day = local.toLocalDate();
    for (int i = starts.size() - 1; i >= 0; i--) {
      Instant s = day.atTime(starts.get(i)).atZone(zone).toInstant();
      if (!t.isBefore(s)) {
        return shift(day, i);
      }
    }
    // Before the first start of the day: the previous day's last shift.
    return shift(day.minusDays(1), starts.size() - 1);
  }

  private Shift shift(LocalDate day, int index) {
    Instant start = day.atTime(starts.get(index)).atZone(zone).toInstant();
    Instant end = index + 1 < starts.size()
        ? day.atTime(starts.get(index + 1)).atZone(zone).toInstant()
        : day.plusDays(1).atTime(starts.get(0)).atZone(zone).toInstant();
    return new Shift(day, index + 1, start, end);
  }

  /** The shift after {@code s}. */
  public Shift next(Shift s) {
    return shiftAt(s.end());
  }
}
