package io.cellpilot.controller.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The kinds of value a configuration key can hold, each with the parser that turns YAML text into it. */
public enum ValueType {
  STRING, BOOLEAN, INTEGER, DECIMAL, DURATION, URL, PATH, STRING_LIST, DECIMAL_LIST, INTEGER_LIST, BYTES;

  /**
   * Parses a raw value, throwing {@link IllegalArgumentException} with a message that completes
   * "{@code <key> must be ...}".
   */
  public Object parse(Object raw) {
    switch (this) {
      case STRING:
      case PATH:
        if (raw instanceof java.util.Map || raw instanceof List) {
          throw new IllegalArgumentException("a single value, was a " + (raw instanceof List ? "list" : "section"));
        }
        if (raw instanceof java.util.Date d) {
          // YAML 1.1 reads an unquoted 2026-01-01 as a timestamp (UTC): give back what was written.
          java.time.Instant t = d.toInstant();
          return t.equals(t.truncatedTo(java.time.temporal.ChronoUnit.DAYS))
              ? java.time.LocalDate.ofInstant(t, java.time.ZoneOffset.UTC).toString() : t.toString();
        }
        return String.valueOf(raw);
      case BOOLEAN:
        String b = String.valueOf(raw).toLowerCase(Locale.ROOT);
        if (b.equals("true") || b.equals("false")) {
          return Boolean.valueOf(b);
        }
        throw new IllegalArgumentException("true or false, was " + raw);
      case INTEGER:
        try {
          return Long.parseLong(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a whole number, was " + raw);
        }
      case DECIMAL:
        try {
          double d = Double.parseDouble(String.valueOf(raw).trim());
          if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("a finite number, was " + raw);
          }
          return d;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a number, was " + raw);
        }
      case DURATION:
        return parseDuration(String.valueOf(raw));
      case URL:
        try {
          URI uri = new URI(String.valueOf(raw).trim());
          if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("a URL like tcp://host:1883, was " + raw);
          }
          return uri;
        } catch (java.net.URISyntaxException e) {
          throw new IllegalArgumentException("a URL like tcp://host:1883, was " + raw);
        }
      case STRING_LIST:
        if (raw instanceof List<?> list) {
          return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(raw).split("\\s*,\\s*"));
      case DECIMAL_LIST:
        return elements(raw).stream().map(e -> (Double) DECIMAL.parse(e)).toList();
      case INTEGER_LIST:
        return elements(raw).stream().map(e -> (Long) INTEGER.parse(e)).toList();
      case BYTES:
        return parseBytes(String.valueOf(raw));
      default:
        throw new AssertionError(this);
    }
  }

  private static List<?> elements(Object raw) {
    if (raw instanceof List<?> list) {
      return list;
    }
    String text = String.valueOf(raw).trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    return text.isBlank() ? List.of() : List.of(text.split("\\s*,\\s*"));
  }

  /** Sizes such as {@code 4096}, {@code 512KB}, {@code 8MB}, {@code 1GB} (binary multiples; {@code MiB} also read). */
  static long parseBytes(String text) {
    String s = text.trim().toUpperCase(Locale.ROOT).replace("IB", "B").replace(" ", "");
    long unit = 1;
    String digits = s;
    if (s.endsWith("KB")) {
      unit = 1L << 10;
    } else if (s.endsWith("MB")) {
      unit = 1L << 20;
    } else if (s.endsWith("GB")) {
      unit = 1L << 30;
    } else if (s.endsWith("B")) {
      digits = s.substring(0, s.length() - 1);
    }
    if (unit > 1) {
      digits = s.substring(0, s.length() - 2);
    }
    try {
      return Math.multiplyExact(Long.parseLong(digits), unit);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a size like 4096, 512KB, 8MB or 1GB, was " + text);
    }
  }

  /** Durations as Micronaut writes them: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT5S}. */
  static Duration parseDuration(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("pt") || s.startsWith("p")) {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      }
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      }
      long n = Long.parseLong(s.substring(0, s.length() - 1));
      switch (s.charAt(s.length() - 1)) {
        case 's': return Duration.ofSeconds(n);
        case 'm': return Duration.ofMinutes(n);
        case 'h': return Duration.ofHours(n);
        case 'd': return Duration.ofDays(n);
        default: break;
      }
    } catch (RuntimeException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("a duration like 250ms, 5s, 2m or 1h, was " + text);
  }
}
