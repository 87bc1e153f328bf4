package io.cellpilot.status;

import io.cellpilot.events.AlarmCleared;
import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.InspectionCounts;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.ModelChanged;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.ReviewRequested;
import io.cellpilot.events.ReviewResolved;
import io.cellpilot.events.RobotStateChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What operators see of the cell, folded from its events: the latest line and robot states, inspection counts and
 * last verdict, active alarms, review queue, models and meters. Applying the same events in the same order always
 * gives the same status; applying an event twice changes nothing. Not thread-safe: each publisher owns one.
 */
public final class CellStatus {

  /** The part of the status an event changed; each maps to one retained JSON topic and one Sparkplug device. */
  public enum Part { LINE, ROBOT, INSPECTION, ALARMS, REVIEWS, MODELS, ENERGY }

  private LineStateChanged line;
  private final Map<String, RobotStateChanged> robots = new TreeMap<>();
  private PartInspected lastInspected;
  private InspectionCounts counts = InspectionCounts.ZERO;
  private PartRejected lastReject;
  private final Map<String, AlarmRaised> alarms = new LinkedHashMap<>();
  private final Map<String, ReviewRequested> reviews = new LinkedHashMap<>();
  private final Map<String, ModelChanged> models = new TreeMap<>();
  private final Map<String, EnergyUpdated> meters = new TreeMap<>();
  private io.cellpilot.events.ShiftEnergyUpdated shiftEnergy;
  private io.cellpilot.events.PartEnergyRecorded partEnergy;

  /** Applies one event; returns the part it changed. */
  public Part apply(CellEvent e) {
    if (e instanceof LineStateChanged l) {
      line = l;
      return Part.LINE;
    } else if (e instanceof RobotStateChanged r) {
      robots.put(r.robotId(), r);
      return Part.ROBOT;
    } else if (e instanceof PartRejected r) {
      lastReject = r;
      return Part.ROBOT;
    } else if (e instanceof PartInspected p) {
      lastInspected = p;
      counts = p.counts();
      return Part.INSPECTION;
    } else if (e instanceof AlarmRaised a) {
      alarms.remove(a.alarmId());
      alarms.put(a.alarmId(), a);
      return Part.ALARMS;
    } else if (e instanceof AlarmCleared a) {
      alarms.remove(a.alarmId());
      return Part.ALARMS;
    } else if (e instanceof ReviewRequested r) {
      reviews.put(r.partId(), r);
      return Part.REVIEWS;
    } else if (e instanceof ReviewResolved r) {
      reviews.remove(r.partId());
      return Part.REVIEWS;
    } else if (e instanceof ModelChanged m) {
      models.put(m.model(), m);
      return Part.MODELS;
    } else if (e instanceof EnergyUpdated m) {
      meters.put(m.meter(), m);
      return Part.ENERGY;
    } else if (e instanceof io.cellpilot.events.ShiftEnergyUpdated sh) {
      shiftEnergy = sh;
      return Part.ENERGY;
    } else if (e instanceof io.cellpilot.events.PartEnergyRecorded p) {
      partEnergy = p;
      return Part.ENERGY;
    }
    throw new IllegalArgumentException("unknown cell event " + e.type());
  }

  /** An independent copy (a publisher's birth looks ahead without moving its own position). */
  public CellStatus copy() {
    CellStatus c = new CellStatus();
    c.line = line;
    c.robots.putAll(robots);
    c.lastInspected = lastInspected;
    c.counts = counts;
    c.lastReject = lastReject;
    c.alarms.putAll(alarms);
    c.reviews.putAll(reviews);
    c.models.putAll(models);
    c.meters.putAll(meters);
    c.shiftEnergy = shiftEnergy;
    c.partEnergy = partEnergy;
    return c;
  }

  /** Null until the line reported once. */
  public LineStateChanged line() {
    return line;
  }

  public Map<String, RobotStateChanged> robots() {
    return java.util.Collections.unmodifiableMap(robots);
  }

  /** Null until a part was inspected. */
  public PartInspected lastInspected() {
    return lastInspected;
  }

  public InspectionCounts counts() {
    return counts;
  }

  /** Null until a reject pick ended. */
  public PartRejected lastReject() {
    return lastReject;
  }

  /** Active alarms, oldest raised first. */
  public List<AlarmRaised> alarms() {
    return List.copyOf(alarms.values());
  }

  /** Parts waiting for an operator, oldest first. */
  public List<ReviewRequested> reviews() {
    return List.copyOf(reviews.values());
  }

  public Map<String, ModelChanged> models() {
    return java.util.Collections.unmodifiableMap(models);
  }

  public Map<String, EnergyUpdated> meters() {
    return java.util.Collections.unmodifiableMap(meters);
  }

  /** The running (or just closed) shift's energy; null until the energy monitor published one. */
  public io.cellpilot.events.ShiftEnergyUpdated shiftEnergy() {
    return shiftEnergy;
  }

  /** The last part interval's energy; null until one was measured. */
  public io.cellpilot.events.PartEnergyRecorded partEnergy() {
    return partEnergy;
  }
}
