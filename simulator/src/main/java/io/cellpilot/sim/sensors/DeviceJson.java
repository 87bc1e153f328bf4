package io.cellpilot.sim.sensors;

import io.cellpilot.sim.machines.MeterReading;
import io.cellpilot.sim.model.SensorMessage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON payloads of docs/wire-contracts.md ("MQTT from the cell's devices"), written by hand so that numbers have
 * a fixed, sensible precision and never an exponent. Also the malformed payloads a faulty sensor sends.
 */
public final class DeviceJson {

  /** ISO-8601 UTC with milliseconds, always three digits: {@code 2026-11-22T10:15:30.125Z}. */
  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** How many ways {@link #malformed} garbles a message. */
  public static final int MALFORMED_VARIANTS = 8;

  private DeviceJson() {}

  public static String value(Instant at, double value, String unit, int digits) {
    return "{\"timestamp\":\"" + TIMESTAMP.format(at) + "\",\"value\":" + number(value, digits) + ",\"unit\":\""
        + unit + "\"}";
  }

  public static String window(SensorMessage.Window w) {
    StringBuilder sb = new StringBuilder(32 + w.values().length * 9);
    sb.append("{\"timestamp\":\"").append(TIMESTAMP.format(w.time())).append("\",\"sampleRateHz\":")
        .append(number(w.sampleRateHz(), 3)).append(",\"unit\":\"g\",\"values\":[");
    for (int i = 0; i < w.values().length; i++) {
      sb.append(i == 0 ? "" : ",").append(number(w.values()[i], 5));
    }
    return sb.append("]}").toString();
  }

  public static String meter(Instant at, MeterReading r) {
    return "{\"timestamp\":\"" + TIMESTAMP.format(at) + "\",\"activePowerKw\":" + number(r.activePowerKw(), 3)
        + ",\"energyKwh\":" + number(r.energyKwh(), 5) + ",\"voltageV\":" + number(r.voltageV(), 1)
        + ",\"currentA\":" + number(r.currentA(), 3) + "}";
  }

  /**
   * A garbled message, {@code variant} choosing how: truncated, value as text, value missing, a NaN literal, not
   * JSON at all, empty, an unreadable timestamp, invalid UTF-8. Cycling through them tests every parser path.
   */
  public static byte[] malformed(Instant at, String unit, int variant) {
    String ts = TIMESTAMP.format(at);
    String text = switch (Math.floorMod(variant, MALFORMED_VARIANTS)) {
      case 0 -> "{\"timestamp\":\"" + ts + "\",\"value\":2.3";
      case 1 -> "{\"timestamp\":\"" + ts + "\",\"value\":\"2.31 " + unit + "\",\"unit\":\"" + unit + "\"}";
      case 2 -> "{\"timestamp\":\"" + ts + "\",\"unit\":\"" + unit + "\"}";
      case 3 -> "{\"timestamp\":\"" + ts + "\",\"value\":NaN,\"unit\":\"" + unit + "\"}";
      case 4 -> "2.31 " + unit;
      case 5 -> "";
      case 6 -> "{\"timestamp\":\"yesterday\",\"value\":2.31,\"unit\":\"" + unit + "\"}";
      default -> null;
    };
    if (text == null) {
      return new byte[] {'{', '"', 'v', '"', ':', (byte) 0xC3, (byte) 0x28, '}'};
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code value} rounded to {@code digits} decimals, without trailing zeros or an exponent. */
  static String number(double value, int digits) {
    if (!Double.isFinite(value)) {
      return "null";
    }
    BigDecimal d = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros();
    if (d.scale() <= 0) {
      return d.setScale(1).toPlainString();
    }
    return d.toPlainString();
  }
}
