package io.cellpilot.vision.health;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads sensor history as CSV: a header row {@code timestamp,<channel>[,<channel>...]}, then one row per sample.
 * Timestamps are ISO-8601 instants or epoch milliseconds. An empty or non-numeric value becomes NaN, so the detector
 * refuses that sample and says why, instead of the whole file failing.
 */
public final class SeriesCsv {
  /** One row: the timestamp as written, in epoch milliseconds, and one value per channel. */
  public record Row(int line, String timestampText, long timestampMillis, double[] values) {}

  private SeriesCsv() {}

  /** The channel names from the header (everything after the first column). */
  public static List<String> header(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String h = r.readLine();
      if (h == null || h.isBlank()) {
        throw new VisionException(Reason.DATASET_INVALID, file + " is empty: expected a header timestamp,value...");
      }
      String[] cols = h.trim().split("\\s*,\\s*");
      if (cols.length < 2) {
        throw new VisionException(Reason.DATASET_INVALID, file + " header '" + h
            + "' needs a timestamp column and at least one value column");
      }
      return List.of(Arrays.copyOfRange(cols, 1, cols.length));
    } catch (IOException e) {
      throw new VisionException(Reason.DATASET_INVALID, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Streams the rows in file order; a row with a bad timestamp is reported by line number and stops reading. */
  public static void forEach(Path file, Consumer<Row> sink) {
    int channels = header(file).size();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      r.readLine();
      String line;
      int number = 1;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] cols = line.split(",", -1);
        String ts = cols[0].trim();
        double[] values = new double[channels];
        for (int c = 0; c < channels; c++) {
          values[c] = c + 1 < cols.length ? parse(cols[c + 1]) : Double.NaN;
        }
        sink.accept(new Row(number, ts, parseTime(ts, file, number), values));
      }
    } catch (IOException e) {
      throw new VisionException(Reason.DATASET_INVALID, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** All rows in memory (training). */
  public static List<Row> readAll(Path file) {
    List<Row> rows = new ArrayList<>();
    forEach(file, rows::add);
    return rows;
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static long parseTime(String ts, Path file, int line) {
    try {
      if (!ts.isEmpty() && (Character.isDigit(ts.charAt(0)) && !ts.contains("-") && !ts.contains(":"))) {
        return Math.round(Double.parseDouble(ts));
      }
      return Instant.parse(ts).toEpochMilli();
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new VisionException(Reason.DATASET_INVALID, file + " line " + line + ": timestamp '" + ts
          + "' is neither ISO-8601 nor epoch milliseconds");
    }
  }
}
