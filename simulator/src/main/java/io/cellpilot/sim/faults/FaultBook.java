package io.cellpilot.sim.faults;

import io.cellpilot.sim.machines.MachineId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every fault that has started, with its start time (the record tests score detection against), and what the
 * active ones do at a given simulated instant. The model writes; anyone may read {@link #records()}.
 */
public final class FaultBook {

  /** Where nobody is near the robot, the zone sensor reports this distance (docs/wire-contracts.md). */
  public static final double NOBODY = 10.0;

  /** What the active faults do to one sensor at one instant. */
  public record SensorEffect(boolean dropout, FaultRecord stuck, double driftOffset, boolean malformed) {
    public static final SensorEffect NONE = new SensorEffect(false, null, 0, false);
  }

  private final List<FaultRecord> records = new CopyOnWriteArrayList<>();

  /** Records that {@code fault} starts now. */
  public FaultRecord start(Fault fault, Instant simNow, Instant wallNow) {
    Duration d = fault.duration();
    FaultRecord r = new FaultRecord(records.size() + 1, fault, simNow, wallNow, d == null ? null : simNow.plus(d));
    records.add(r);
    return r;
  }

  /** Every fault started so far, in the order they started. */
  public List<FaultRecord> records() {
    return List.copyOf(records);
  }

  /** Severity of the worst bearing fault on {@code machine}: 0 healthy, growing quadratically to 1. */
  public double bearingSeverity(MachineId machine, Instant now) {
    double worst = 0;
    for (FaultRecord r : records) {
      if (r.fault() instanceof Fault.Bearing b && b.machine() == machine && r.activeAt(now)) {
        double x = (double) r.age(now).toNanos() / b.growth().toNanos();
        worst = Math.max(worst, Math.min(1, x * x));
      }
    }
    return worst;
  }

  /** Extra active power on meter {@code meter} ({@code main} or a machine key) from power spikes, kW. */
  public double spikeKw(String meter, Instant now) {
    double sum = 0;
    for (FaultRecord r : records) {
      if (r.fault() instanceof Fault.PowerSpike p && p.meter().equals(meter) && r.activeAt(now)) {
        sum += p.extraKw();
      }
    }
    return sum;
  }

  /**
   * Distance of the nearest person to the robot: a person walks in over the first quarter of the fault, stays at
   * the closest distance, and walks out over the last quarter.
   */
  public double personDistance(Instant now) {
    double nearest = NOBODY;
    for (FaultRecord r : records) {
      if (r.fault() instanceof Fault.PersonInZone p && r.activeAt(now)) {
        double x = (double) r.age(now).toNanos() / p.duration().toNanos();
        double closeness = x < 0.25 ? x / 0.25 : x > 0.75 ? (1 - x) / 0.25 : 1;
        nearest = Math.min(nearest, NOBODY - (NOBODY - p.closestDistance()) * closeness);
      }
    }
    return nearest;
  }

  /** What the active faults do to {@code sensor} now. */
  public SensorEffect sensor(SensorKey sensor, Instant now) {
    boolean dropout = false;
    boolean malformed = false;
    FaultRecord stuck = null;
    double drift = 0;
    for (FaultRecord r : records) {
      if (!r.activeAt(now) || !r.target().equals(sensor.toString())) {
        continue;
      }
      Fault f = r.fault();
      if (f instanceof Fault.Dropout) {
        dropout = true;
      } else if (f instanceof Fault.MalformedJson) {
        malformed = true;
      } else if (f instanceof Fault.Stuck) {
        stuck = stuck == null ? r : stuck;
      } else if (f instanceof Fault.Drift d) {
        drift += d.perHour() * r.age(now).toNanos() / 3.6e12;
      }
    }
    if (!dropout && !malformed && stuck == null && drift == 0) {
      return SensorEffect.NONE;
    }
    return new SensorEffect(dropout, stuck, drift, malformed);
  }
}
