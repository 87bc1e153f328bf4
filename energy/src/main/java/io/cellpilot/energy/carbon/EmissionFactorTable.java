package io.cellpilot.energy.carbon;

import io.cellpilot.energy.EnergyException;
import io.cellpilot.energy.EnergyException.Code;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned table of grid emission factors that ships with CellPilot, optionally extended (or corrected) by the
 * user's own file in the same CSV shape: {@code key,year,kg_per_kwh,source,published}. Every entry must name its
 * source and year; a line that does not is refused with the file and line number. Immutable.
 */
public final class EmissionFactorTable {
  static final String RESOURCE = "/io/cellpilot/energy/emission-factors.csv";
  private static final java.util.regex.Pattern VERSION =
      java.util.regex.Pattern.compile("version ([0-9](?:[0-9A-Za-z.-]*[0-9A-Za-z])?)");

  private final String version;
  private final Map<String, EmissionFactor> factors;

  private EmissionFactorTable(String version, Map<String, EmissionFactor> factors) {
    this.version = version;
    this.factors = Collections.unmodifiableMap(factors);
  }

  /** The table that ships in this build. */
  public static EmissionFactorTable shipped() {
    try (InputStream in = EmissionFactorTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new EnergyException(Code.INVALID_FACTOR_TABLE, "the shipped factor table " + RESOURCE + " is missing");
      }
      Parsed p = parse(new InputStreamReader(in, StandardCharsets.UTF_8), "shipped table");
      return new EmissionFactorTable(p.version, p.factors);
    } catch (IOException e) {
      throw new EnergyException(Code.INVALID_FACTOR_TABLE, "the shipped factor table cannot be read: " + e, e);
    }
  }

  /** This table with the entries of {@code file} added; an entry with a key already present replaces it. */
  public EmissionFactorTable extendedBy(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Parsed p = parse(r, file.toString());
      Map<String, EmissionFactor> all = new LinkedHashMap<>(factors);
      all.putAll(p.factors);
      return new EmissionFactorTable(version + " + " + file.getFileName() + (p.version.isEmpty() ? "" : " " + p.version),
          all);
    } catch (IOException e) {
      throw new EnergyException(Code.INVALID_FACTOR_TABLE, "the factor file " + file + " cannot be read: " + e, e);
    }
  }

  /** The table's version, e.g. {@code 2026.11-1}, with the user's file when extended. */
  public String version() {
    return version;
  }

  /** Every factor by key, in file order. */
  public Map<String, EmissionFactor> factors() {
    return factors;
  }

  /**
   * The factor for {@code key}; a missing key is a configuration error that names {@code setting} and the keys known.
   */
  public EmissionFactor require(String key, String setting) {
    EmissionFactor f = factors.get(key);
    if (f == null) {
      throw new EnergyException(Code.MISSING_FACTOR, setting + " names the emission factor '" + key
          + "', which is not in the factor table (version " + version + "; known: " + factors.keySet()
          + "); add it with its source and year to cellpilot.energy.carbon.factor-file");
    }
    return f;
  }

  private record Parsed(String version, Map<String, EmissionFactor> factors) {}

  private static Parsed parse(Reader reader, String origin) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    Map<String, EmissionFactor> out = new LinkedHashMap<>();
    String version = "";
    String line;
    int n = 0;
    boolean header = false;
    while ((line = in.readLine()) != null) {
      n++;
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.startsWith("#")) {
        java.util.regex.Matcher m = VERSION.matcher(t);
        if (version.isEmpty() && m.find()) {
          version = m.group(1);
        }
        continue;
      }
      if (!header) {
        header = true;
        if (t.startsWith("key,")) {
          continue;
        }
      }
      EmissionFactor e = entry(t, origin, n, version);
      out.put(e.key(), e);
    }
    return new Parsed(version, out);
  }

  private static EmissionFactor entry(String line, String origin, int n, String version) {
    List<String> f = fields(line);
    String where = origin + " line " + n;
    if (f.size() != 5) {
      throw new EnergyException(Code.INVALID_FACTOR_TABLE, where + " must have 5 fields (key,year,kg_per_kwh,source,"
          + "published), had " + f.size() + ": " + line);
    }
    String key = f.get(0).strip();
    if (!key.matches("[A-Za-z0-9_.-]+")) {
      throw new EnergyException(Code.INVALID_FACTOR_TABLE, where + ": key must be letters, digits, '_', '.', '-', was '"
          + key + "'");
    }
    int year;
    double factor;
    try {
      year = Integer.parseInt(f.get(1).strip());
      factor = Double.parseDouble(f.get(2).strip());
    } catch (NumberFormatException e) {
      throw new EnergyException(Code.INVALID_FACTOR_TABLE, where + ": year and kg_per_kwh must be numbers: " + line);
    }
    if (year < 1990 || year > 2100 || !(factor >= 0 && factor <= 2)) {
      throw new EnergyException(Code.INVALID_FACTOR_TABLE, where + ": year must be 1990..2100 and kg_per_kwh 0..2, was "
          + year + " and " + factor);
    }
    if (f.get(3).isBlank()) {
      throw new EnergyException(Code.INVALID_FACTOR_TABLE, where + ": factor '" + key + "' needs its source");
    }
    String from = origin.equals("shipped table") ? "shipped " + version : origin;
    return new EmissionFactor(key, year, factor, f.get(3).strip(), f.get(4).strip(), from);
  }

  /** Splits one CSV line (RFC 4180 quotes, "" inside quotes). */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
