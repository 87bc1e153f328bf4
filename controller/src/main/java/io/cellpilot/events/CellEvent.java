package io.cellpilot.events;

import java.time.Instant;

/**
 * Something that happened in the cell, as the status publishers, the cell's OPC UA server and the energy work see it.
 * Every event has an id that is unique and ordered within a controller's lifetime, so that a subscriber can drop
 * duplicates after a replay.
 */
public sealed interface CellEvent
    permits PartInspected, PartRejected, ReviewRequested, ReviewResolved, AlarmRaised, AlarmCleared,
        RobotStateChanged, LineStateChanged, ModelChanged, EnergyUpdated, ShiftEnergyUpdated, PartEnergyRecorded {

  /** Unique, time-ordered id (see {@link EventIds}). */
  String eventId();

  /** When it happened in the cell (not when it was published). */
  Instant time();

  /** A short, stable wire name for topics and logs, e.g. {@code part-inspected}; dashboards depend on it. */
  String type();
}
