package io.cellpilot.sim.model;

import io.cellpilot.sim.cell.PartHandling;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.faults.FaultBook;
import io.cellpilot.sim.faults.FaultRecord;
import io.cellpilot.sim.faults.ScheduledFault;
import io.cellpilot.sim.line.Line;
import io.cellpilot.sim.line.LineEvents;
import io.cellpilot.sim.line.LineState;
import io.cellpilot.sim.line.Outcome;
import io.cellpilot.sim.line.PartFactory;
import io.cellpilot.sim.line.PartLedger;
import io.cellpilot.sim.line.PartSpec;
import io.cellpilot.sim.machines.ElectricalLoad;
import io.cellpilot.sim.machines.MachineId;
import io.cellpilot.sim.machines.Machines;
import io.cellpilot.sim.time.SimClock;
import io.cellpilot.sim.time.SimScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated cell without any protocol: line, machines, sensors and faults, advanced one fixed step at a time.
 * Same seed and same commands at the same simulated times give the same parts, defects and sensor values, because
 * every random draw comes from a named stream of the seed and all work happens on the stepping thread in a fixed
 * order. Every public method takes the model's lock, so OPC UA method calls and the cobot may call in from their
 * own threads.
 */
public final class CellModel {

  private final SimConfig config;
  private final SimClock clock;
  private final Clock wall;
  private final CellListener listener;
  private final SimScheduler scheduler = new SimScheduler();
  private final PartFactory parts;
  private final PartLedger ledger = new PartLedger(100_000);
  private final FaultBook faults = new FaultBook();
  private final Line line;
  private final Machines machines;
  private final HealthSampler sampler;
  private long defective;
  private long inspected;
  private final java.util.ArrayDeque<EnergyMark> energyMarks = new java.util.ArrayDeque<>();

  /**
   * Ground truth for energy tests: every meter's true energy (kWh) at the moment the part counter reached
   * {@code partCount}.
   */
  public record EnergyMark(long partCount, Instant at, Map<String, Double> kwh) {}

  public CellModel(SimConfig config, SimClock clock, Clock wall, CellListener listener) {
    this.config = config;
    this.clock = clock;
    this.wall = wall;
    this.listener = listener;
    this.parts = new PartFactory(config.seed(), config.line().defectRate(), config.line().defectKinds());
    this.line = new Line(config.line(), parts, ledger, clock::now, new Events());
    this.machines = new Machines(config.meters(), config.seed());
    this.sampler = new HealthSampler(config.seed(), config.sensors(), machines, faults);
    for (ScheduledFault f : config.faults()) {
      scheduler.at(f.at().toNanos(), t -> startFault(f.fault()));
    }
    long sensors = config.sensors().interval().toNanos();
    scheduler.every(sensors, sensors, t -> sampler.sample(clock.now()).forEach(listener::sensor));
    long windows = config.sensors().rawInterval().toNanos();
    scheduler.every(windows, windows, t -> sampler.sampleWindows(clock.now()).forEach(listener::sensor));
    long meters = config.meters().interval().toNanos();
    scheduler.every(meters, meters, t -> publishMeters());
    long plc = config.plc().updateInterval().toNanos();
    scheduler.every(0, plc, t -> listener.snapshot(snapshotNow()));
    if (config.line().autoStart()) {
      line.start();
    }
  }

  /** Advances simulated time by one step. Only the simulation loop (or a test) calls this. */
  public synchronized void step() {
    // What is due now happens at exactly its time; then the physics moves over [now, now + step].
    scheduler.runDue(clock.elapsedNanos());
    Instant now = clock.now();
    double dt = clock.stepNanos() / 1e9;
    line.step(dt);
    machines.step(dt, line,
        (machine, key) -> faults.bearingSeverity(machine, now),
        (machine, key) -> faults.spikeKw(key, now));
    clock.advance();
  }

  /** Starts {@code fault} now and records it; it ends by itself after its duration. */
  public synchronized FaultRecord inject(Fault fault) {
    return startFault(fault);
  }

  /** Starts {@code fault} when simulated time reaches {@code fault.at()} after start (now, if that has passed). */
  public synchronized void schedule(ScheduledFault fault) {
    scheduler.at(Math.max(fault.at().toNanos(), clock.elapsedNanos()), t -> startFault(fault.fault()));
  }

  private FaultRecord startFault(Fault fault) {
    FaultRecord record = faults.start(fault, clock.now(), wall.instant());
    if (fault instanceof Fault.MachineTrip trip) {
      line.fault(trip.machine().plcName() + ": " + trip.reason());
    }
    if (record.simEnd() != null) {
      scheduler.at(clock.elapsedNanos() + fault.duration().toNanos(), t -> listener.faultEnded(record));
    }
    listener.faultStarted(record);
    return record;
  }

  private void publishMeters() {
    Instant now = clock.now();
    listener.meter("main", now, machines.mainMeter());
    for (MachineId id : MachineId.values()) {
      listener.meter(id.key(), now, machines.meter(id));
    }
  }

  /** The PLC's view of the cell now. */
  public synchronized CellSnapshot snapshot() {
    return snapshotNow();
  }

  private CellSnapshot snapshotNow() {
    Instant now = clock.now();
    Map<MachineId, CellSnapshot.Machine> ms = new EnumMap<>(MachineId.class);
    for (MachineId id : MachineId.values()) {
      ms.put(id, new CellSnapshot.Machine(machines.state(id), machines.meter(id)));
    }
    double distance = faults.personDistance(now);
    return new CellSnapshot(now, line.state(), line.faultText(), line.speed() > 1e-6, line.setpoint(), line.speed(),
        line.partAtInspection(), line.inspectionPartId(), line.partAtPick(), line.pickPartId(), line.partCount(),
        line.holding(), line.heldPartId(), machines.inspectionTemperature(clock.elapsedNanos() / 1e9),
        machines.pressTemperature(), distance < config.safety().zoneRadius(), distance, Map.copyOf(ms),
        machines.mainMeter());
  }

  public synchronized Outcome start() {
    return line.start();
  }

  public synchronized Outcome stop() {
    return line.stop();
  }

  public synchronized Outcome reset() {
    return line.reset();
  }

  public synchronized Outcome requestStop(String partId) {
    return line.requestStop(partId);
  }

  public synchronized Outcome release() {
    return line.release();
  }

  /** Sets the belt speed setpoint; the caller checked it is within the line's limits. */
  public synchronized void setSpeedSetpoint(double metresPerSecond) {
    line.setSpeedSetpoint(metresPerSecond);
  }

  /** The conveyor's side of the gripper contract, safe to call from the cobot's threads. */
  public PartHandling partHandling() {
    return new PartHandling() {
      @Override
      public Optional<String> grip(double x, double y, double z) {
        synchronized (CellModel.this) {
          return line.grip(x, y, z);
        }
      }

      @Override
      public void release(String partId, double x, double y, double z) {
        synchronized (CellModel.this) {
          line.release(partId, x, y, z);
        }
      }
    };
  }

  /** The robot's power meter follows {@code load} from now on. */
  public synchronized void robotLoad(ElectricalLoad load) {
    machines.robotLoad(load);
  }

  public PartLedger ledger() {
    return ledger;
  }

  public FaultBook faults() {
    return faults;
  }

  public SimClock clock() {
    return clock;
  }

  public PartFactory partFactory() {
    return parts;
  }

  /** The true meter energies at each part counter change (the most recent 100 000), oldest first. */
  public synchronized java.util.List<EnergyMark> energyMarks() {
    return java.util.List.copyOf(energyMarks);
  }

  /** Counters for the one-line summary. */
  public synchronized Counters counters() {
    return new Counters(line.state(), line.partCount(), defective, inspected, sampler.dropped());
  }

  /**
   * The line's state; parts that entered the line, how many of those are defective, how many the camera saw; sensor
   * messages dropped by faults.
   */
  public record Counters(
      LineState line, long parts, long defective, long inspected, long sensorMessagesDropped) {}

  private final class Events implements LineEvents {
    @Override
    public void partEntered(PartSpec part) {
      if (part.defective()) {
        defective++;
      }
      energyMarks.addLast(new EnergyMark(line.partCount(), clock.now(), machines.trueEnergyKwh()));
      if (energyMarks.size() > 100_000) {
        energyMarks.removeFirst();
      }
      listener.partEntered(part, clock.now());
    }

    @Override
    public void partPressed(PartSpec part) {
      machines.pressStroke();
    }

    @Override
    public void partAtCamera(PartSpec part) {
      inspected++;
      listener.partAtCamera(part, clock.now());
    }

    @Override
    public void lineFaulted(String reason) {}
  }
}
