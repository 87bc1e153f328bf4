package io.cellpilot.energy.record;

import java.time.Instant;
import java.util.Map;

/**
 * One shift's energy, carbon and OEE, as persisted (JSON lines) and reported. NaN marks a figure that is unknown
 * (no good parts yet, no ideal cycle time, a meter never read), never a zero.
 *
 * @param shift e.g. {@code 2026-11-03/2}
 * @param day the shift's day in the plant's time zone, e.g. {@code 2026-11-03}
 * @param closed false for the running shift's latest snapshot
 * @param meterKwh energy per meter over the shift
 * @param siteKwh the site meter's energy (the cell's total)
 * @param idleKwh site energy while the line stood (STOPPED or FAULTED): waste
 * @param gapSeconds per meter, time whose energy is unknown (gaps, resets)
 * @param estimated meters whose figures are estimates (virtual sub-meters)
 * @param locationKg CO2 of siteKwh at the grid factor (location-based)
 * @param marketKg CO2 of siteKwh after contracts (market-based)
 * @param contractKwh energy taken from each contract
 * @param parts parts that entered the line (part counter)
 * @param good parts inspected good
 * @param inspected parts with a verdict
 */
public record ShiftRecord(
    String shift, String day, Instant start, Instant end, boolean closed,
    String siteMeter, Map<String, Double> meterKwh, double siteKwh, double idleKwh,
    Map<String, Double> gapSeconds, java.util.List<String> estimated,
    String factorKey, double factorKgPerKwh, double locationKg, double marketKg, Map<String, Double> contractKwh,
    long parts, long good, long inspected, long picks, double pickKwh,
    double runningSeconds, double stoppedSeconds, double faultedSeconds, double unknownSeconds,
    double availability, double performance, double quality, double oee,
    double kwhPerPart, double kwhPerGoodPart, double kgPerGoodPart) {}
