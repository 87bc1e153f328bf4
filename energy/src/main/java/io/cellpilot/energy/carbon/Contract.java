package io.cellpilot.energy.carbon;

import java.time.LocalDate;

/**
 * A contractual instrument for the market-based Scope 2 figure, e.g. a green power purchase: {@code mwh} of
 * electricity at {@code kgPerKwh} (0 for renewables) delivered between {@code from} and {@code to} (inclusive days).
 */
public record Contract(String id, double mwh, double kgPerKwh, LocalDate from, LocalDate to) {

  public boolean validOn(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
