package io.cellpilot.energy.meter;

/** What a meter offers: an energy counter (kWh register) or only active power (kW) to integrate. */
public enum MeterKind {
  COUNTER, POWER
}
