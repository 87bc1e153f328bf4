package io.cellpilot.energy.carbon;

/**
 * One grid emission factor with where it comes from.
 *
 * @param kgPerKwh kg CO2(e) per kWh, equal to t per MWh
 * @param year the year the factor describes
 * @param published when the source published it (free text, e.g. {@code 2024-12})
 * @param origin the table it was read from ({@code shipped 2026.11-1} or the user's file)
 */
public record EmissionFactor(String key, int year, double kgPerKwh, String source, String published, String origin) {}
