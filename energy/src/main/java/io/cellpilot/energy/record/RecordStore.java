package io.cellpilot.energy.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cellpilot.energy.EnergyException;
import io.cellpilot.energy.EnergyException.Code;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shift and part records on disk, one JSON object per line: {@code shifts.jsonl} (closed shifts),
 * {@code parts-<day>.jsonl} (part intervals, one file per UTC day) and {@code current-shift.json} (the running
 * shift's latest snapshot, replaced atomically). A line that cannot be read is skipped and counted, never fatal.
 * Thread-safe.
 */
public final class RecordStore {
  private static final Logger log = LoggerFactory.getLogger(RecordStore.class);
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path dir;
  private long unreadable;

  public RecordStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Appends a closed shift and removes the running snapshot if it was this shift's. */
  public synchronized void appendShift(ShiftRecord shift) {
    append(dir.resolve("shifts.jsonl"), shift);
    currentShift().filter(c -> c.shift().equals(shift.shift())).ifPresent(c -> delete(dir.resolve("current-shift.json")));
  }

  /** Appends one part interval. */
  public synchronized void appendPart(PartEnergy part) {
    LocalDate day = part.to().atZone(ZoneOffset.UTC).toLocalDate();
    append(dir.resolve("parts-" + day + ".jsonl"), part);
  }

  /** Replaces the running shift's snapshot. */
  public synchronized void writeCurrent(ShiftRecord shift) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("current-shift.json.tmp");
      Files.writeString(tmp, JSON.writeValueAsString(shift), StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve("current-shift.json"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new EnergyException(Code.IO, "cannot write " + dir.resolve("current-shift.json") + ": " + e, e);
    }
  }

  /**
   * Shifts that overlap {@code [from, to)}, oldest first: the closed ones, and the running one when it overlaps and is
   * not closed yet (a shift id appears once; the closed record wins).
   */
  public synchronized List<ShiftRecord> shifts(Instant from, Instant to) {
    Map<String, ShiftRecord> byId = new LinkedHashMap<>();
    for (ShiftRecord s : read(dir.resolve("shifts.jsonl"), ShiftRecord.class)) {
      if (s.start().isBefore(to) && s.end().isAfter(from)) {
        byId.put(s.shift(), s);
      }
    }
    currentShift().filter(c -> c.start().isBefore(to) && c.end().isAfter(from))
        .ifPresent(c -> byId.putIfAbsent(c.shift(), c));
    List<ShiftRecord> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparing(ShiftRecord::start));
    return out;
  }

  /** Part intervals that end within {@code [from, to)}, oldest first. */
  public synchronized List<PartEnergy> parts(Instant from, Instant to) {
    List<PartEnergy> out = new ArrayList<>();
    LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
    for (LocalDate d = from.atZone(ZoneOffset.UTC).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
      for (PartEnergy p : read(dir.resolve("parts-" + d + ".jsonl"), PartEnergy.class)) {
        if (!p.to().isBefore(from) && p.to().isBefore(to)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** Every closed shift (for baselines and restoring contract use). */
  public synchronized List<ShiftRecord> allShifts() {
    return read(dir.resolve("shifts.jsonl"), ShiftRecord.class);
  }

  /** The running shift's latest snapshot, if any. */
  public synchronized Optional<ShiftRecord> currentShift() {
    Path p = dir.resolve("current-shift.json");
    if (!Files.exists(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(Files.readString(p, StandardCharsets.UTF_8), ShiftRecord.class));
    } catch (IOException e) {
      unreadable++;
      log.warn("[energy] {} cannot be read, ignored: {}", p, e.getMessage());
      return Optional.empty();
    }
  }

  /** Lines skipped because they could not be read. */
  public synchronized long unreadable() {
    return unreadable;
  }

  private void append(Path file, Object record) {
    try {
      Files.createDirectories(dir);
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND)) {
        w.write(JSON.writeValueAsString(record));
        w.write('\n');
      }
    } catch (IOException e) {
      throw new EnergyException(Code.IO, "cannot append to " + file + ": " + e, e);
    }
  }

  private <T> List<T> read(Path file, Class<T> type) {
    List<T> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      int n = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(JSON.readValue(line, type));
        } catch (IOException e) {
          unreadable++;
          log.warn("[energy] {} line {} cannot be read, skipped: {}", file, n, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new EnergyException(Code.IO, "cannot read " + file + ": " + e, e);
    }
    return out;
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      log.warn("[energy] cannot delete {}: {}", p, e.getMessage());
    }
  }
}
