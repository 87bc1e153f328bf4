package io.cellpilot.status.testing;

import io.cellpilot.events.AlarmCleared;
import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InspectionCounts;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.ModelChanged;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.ReviewRequested;
import io.cellpilot.events.ReviewResolved;
import io.cellpilot.events.RobotStateChanged;
import io.cellpilot.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One event of every type, as the controller would emit them for a short shift. */
public final class SampleEvents {
  private final EventIds ids;
  private Instant time = Instant.parse("2026-11-22T10:15:30.125Z");
  private long parts;
  private long good;
  private long rejected;
  private long review;

  public SampleEvents(long epochMillis) {
    this.ids = new EventIds(epochMillis);
  }

  private Instant tick() {
    time = time.plusMillis(250);
    return time;
  }

  public List<CellEvent> everyType() {
    return List.of(
        new LineStateChanged(ids.next(), tick(), "RUNNING", false, ""),
        new RobotStateChanged(ids.next(), tick(), "r1", "ACTIVE", "RUNNING", "NORMAL", true, 1.0),
        new ModelChanged(ids.next(), tick(), "inspection", "2026.11.3", "2026.11.2", ModelChanged.Change.LOADED,
            "eve"),
        part(PartInspected.Verdict.DEFECT, PartInspected.Action.REJECT),
        new PartRejected(ids.next(), tick(), "P-000001", "r1", "cmd-17", PartRejected.Outcome.PICKED, 4.2, 1.8, ""),
        new ReviewRequested(ids.next(), tick(), "P-000002", 0.48, 0.5, "2026.11.3", 1),
        new AlarmRaised(ids.next(), tick(), "health/press", "press", Severity.WARNING,
            "press bearing vibration above normal", 0.83),
        new EnergyUpdated(ids.next(), tick(), "main", 3.4, 12.75, Double.NaN, 4.8),
        new ReviewResolved(ids.next(), tick(), "P-000002", "good", "ann", "mqtt", 0),
        new AlarmCleared(ids.next(), tick(), "health/press", "press", "auto"));
  }

  /** The energy work's per-shift and per-part events (kept apart from {@link #everyType} whose counts tests rely on). */
  public List<CellEvent> energyTypes() {
    Instant start = Instant.parse("2023-11-14T14:00:00Z");
    io.cellpilot.energy.record.ShiftRecord shift = new io.cellpilot.energy.record.ShiftRecord("2023-11-14/2",
        "2023-11-14", start, start.plusSeconds(8 * 3600), false, "main", Map.of("main", 412.5, "press", 248.1),
        412.5, 18.2, Map.of("main", 0.0, "press", 0.0), List.of(), "cn-south-2022", 0.3869, 159.6, 121.4,
        Map.of("green-2026", 95.0), 13_950, 13_512, 13_600, 88, 0.0421, 25_210, 1_890, 900, 0, 0.9655, 0.9233,
        0.9935, 0.8857, 0.02957, 0.03053, 0.01181);
    io.cellpilot.energy.record.PartEnergy part = new io.cellpilot.energy.record.PartEnergy("2023-11-14/2",
        start.plusSeconds(3600), start.plusSeconds(3602), 4120, 4121, Map.of("main", 0.00297, "press", Double.NaN),
        java.util.Set.of("press"), 0.00297, 0.00297 * 0.3869, 0.00297 * 0.2943);
    return List.of(
        new io.cellpilot.events.ShiftEnergyUpdated(ids.next(), tick(), shift, false),
        new io.cellpilot.events.PartEnergyRecorded(ids.next(), tick(), part));
  }

  /** The next part through inspection. */
  public PartInspected part(PartInspected.Verdict verdict, PartInspected.Action action) {
    parts++;
    if (action == PartInspected.Action.REJECT) {
      rejected++;
    } else if (action == PartInspected.Action.REVIEW) {
      review++;
    } else {
      good++;
    }
    return new PartInspected(ids.next(), tick(), String.format("P-%06d", parts), verdict,
        verdict == PartInspected.Verdict.DEFECT ? "scratch" : null, 0.91, 0.5, "2026.11.3",
        "9f2c4a0e6b1d3c5a7e9f0b2d4c6a8e0f1b3d5c7a9e1f3b5d7c9a1e3f5b7d9c1e", action,
        new InspectionCounts(parts, good, rejected, review));
  }
}
