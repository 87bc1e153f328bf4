package io.cellpilot.sim.line;

import io.cellpilot.sim.cell.PartHandling;
import io.cellpilot.sim.config.LineConfig;
import io.cellpilot.sim.config.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line: its state machine (stopped / running / faulted), the belt carrying parts past the press, the camera and
 * the robot's pick position, and the pick handshake with the controller. Distances are metres along the belt.
 * Not thread-safe on its own: the cell model's lock guards every call.
 */
public final class Line implements PartHandling {
  private static final Logger log = LoggerFactory.getLogger(Line.class);

  /** Stations along the belt, metres from the infeed. */
  public static final double PRESS_AT = 0.6;
  public static final double INSPECTION_AT = 1.4;
  public static final double PICK_AT = 2.2;
  public static final double END_AT = 3.0;
  /** A part-present sensor sees a part while its centre is within this distance (half a 0.12 m part). */
  public static final double SENSOR_HALF_WINDOW = 0.06;
  static final double ACCELERATION = 0.5;
  static final double DECELERATION = 1.0;

  private static final class OnBelt {
    final PartSpec part;
    double position;

    OnBelt(PartSpec part) {
      this.part = part;
    }
  }

  private final LineConfig config;
  private final PartFactory factory;
  private final PartLedger ledger;
  private final Supplier<Instant> clock;
  private final LineEvents events;
  private final List<OnBelt> belt = new ArrayList<>();
  private final Set<String> stopRequests = new LinkedHashSet<>();

  private LineState state = LineState.STOPPED;
  private String faultText = "";
  private double setpoint;
  private double speed;
  private double sinceLastPart;
  private long partCount;
  private String inspectionId = "";
  private String pickId = "";
  private OnBelt held;
  private String heldId = "";
  private boolean holding;
  private Instant holdSince;

  public Line(LineConfig config, PartFactory factory, PartLedger ledger, Supplier<Instant> clock, LineEvents events) {
    this.config = config;
    this.factory = factory;
    this.ledger = ledger;
    this.clock = clock;
    this.events = events;
    this.setpoint = config.speed();
    this.sinceLastPart = config.partSpacing(); // the first part enters as soon as the belt moves
  }

  /** Advances the belt by {@code dt} seconds of simulated time. */
  public void step(double dt) {
    if (holding && state != LineState.FAULTED
        && Duration.between(holdSince, clock.get()).compareTo(config.holdTimeout()) > 0) {
      fault("pick hold timeout: no Release() within " + config.holdTimeout().toSeconds() + " s for part " + heldId);
    }
    double target = state == LineState.RUNNING && !holding ? setpoint : 0;
    if (speed < target) {
      speed = Math.min(target, speed + ACCELERATION * dt);
    } else if (speed > target) {
      speed = Math.max(target, speed - (state == LineState.FAULTED ? 4 * DECELERATION : DECELERATION) * dt);
    }
    double travel = speed * dt;
    if (travel <= 0) {
      return;
    }
    moveParts(travel);
    if (state == LineState.RUNNING) {
      sinceLastPart += travel;
      if (sinceLastPart >= config.partSpacing()) {
        sinceLastPart -= config.partSpacing();
        feed(sinceLastPart);
      }
    }
  }

  private void moveParts(double travel) {
    for (Iterator<OnBelt> it = belt.iterator(); it.hasNext(); ) {
      OnBelt p = it.next();
      double before = p.position;
      double after = before + travel;
      if (stopRequests.contains(p.part.id()) && before <= PICK_AT && after >= PICK_AT && !holding) {
        after = PICK_AT;
        hold(p);
      }
      p.position = after;
      if (crossed(before, after, PRESS_AT)) {
        events.partPressed(p.part);
      }
      if (crossed(before, after, INSPECTION_AT - SENSOR_HALF_WINDOW)) {
        inspectionId = p.part.id();
      }
      if (crossed(before, after, INSPECTION_AT)) {
        ledger.inspected(p.part.id(), clock.get());
        events.partAtCamera(p.part);
      }
      if (crossed(before, after, PICK_AT - SENSOR_HALF_WINDOW)) {
        pickId = p.part.id();
      }
      if (after >= END_AT) {
        it.remove();
        stopRequests.remove(p.part.id());
        ledger.fate(p.part.id(), PartFate.PASSED, clock.get());
      }
    }
    if (holding) {
      speed = 0; // the PLC stops the belt with the requested part exactly at the pick position
    }
  }

  private static boolean crossed(double before, double after, double mark) {
    return before < mark && after >= mark;
  }

  private void feed(double alreadyTravelled) {
    PartSpec part = factory.part(partCount++);
    OnBelt p = new OnBelt(part);
    p.position = alreadyTravelled;
    belt.add(p);
    ledger.entered(part, clock.get());
    events.partEntered(part);
  }

  private void hold(OnBelt p) {
    holding = true;
    held = p;
    heldId = p.part.id();
    holdSince = clock.get();
    stopRequests.remove(p.part.id());
    log.debug("[line] holding part {} at the pick position", heldId);
  }

  /** Stopped -> running; running stays running; faulted is refused until Reset. */
  public Outcome start() {
    if (state == LineState.FAULTED) {
      return Outcome.invalidState("the line is faulted (" + faultText + "); call Reset first");
    }
    state = LineState.RUNNING;
    return Outcome.OK;
  }

  /** Any state -> stopped; the belt runs down. A fault's text is cleared only by Reset. */
  public Outcome stop() {
    if (state != LineState.FAULTED) {
      state = LineState.STOPPED;
    }
    return Outcome.OK;
  }

  /** Faulted -> stopped, clearing the fault and any hold. */
  public Outcome reset() {
    if (state != LineState.FAULTED) {
      return Outcome.invalidState("Reset is for a faulted line; the line is " + state);
    }
    state = LineState.STOPPED;
    faultText = "";
    holding = false;
    held = null;
    return Outcome.OK;
  }

  /** The line faults: the belt stops quickly and the line stays faulted until Reset. */
  public void fault(String reason) {
    if (state == LineState.FAULTED) {
      return;
    }
    state = LineState.FAULTED;
    faultText = reason;
    log.warn("[line] faulted: {}", reason);
    events.lineFaulted(reason);
  }

  /** Asks to hold {@code partId} at the pick position when it gets there. */
  public Outcome requestStop(String partId) {
    if (partId == null || partId.isBlank()) {
      return Outcome.invalidArgument("partId must not be empty");
    }
    if (holding && heldId.equals(partId) && held != null) {
      return Outcome.OK;
    }
    Optional<OnBelt> p = belt.stream().filter(b -> b.part.id().equals(partId)).findFirst();
    if (p.isEmpty() || p.get().position > PICK_AT) {
      return Outcome.notFound("part " + partId + " is not on the belt before the pick position");
    }
    stopRequests.add(partId);
    return Outcome.OK;
  }

  /** The robot is done: the belt may move on. */
  public Outcome release() {
    if (!holding) {
      return Outcome.invalidState("no part is being held");
    }
    holding = false;
    held = null;
    return Outcome.OK;
  }

  /** Changes the belt speed setpoint (m/s); the caller has checked the range. */
  public void setSpeedSetpoint(double metresPerSecond) {
    setpoint = metresPerSecond;
  }

  @Override
  public Optional<String> grip(double x, double y, double z) {
    if (!holding || held == null) {
      return Optional.empty();
    }
    if (config.pickPosition().distanceTo(new Position(x, y, z)) > config.gripTolerance()) {
      return Optional.empty();
    }
    OnBelt p = held;
    belt.remove(p);
    held = null; // the belt stays held until Release(), as in docs/wire-contracts.md
    ledger.fate(p.part.id(), PartFate.GRIPPED, clock.get());
    return Optional.of(p.part.id());
  }

  @Override
  public void release(String partId, double x, double y, double z) {
    Optional<PartTruth> truth = ledger.get(partId);
    if (truth.isEmpty() || truth.get().fate() != PartFate.GRIPPED) {
      log.warn("[line] gripper released part {} that it was not holding; ignored", partId);
      return;
    }
    Position at = new Position(x, y, z);
    Position bin = config.rejectBin();
    boolean overBin = at.horizontalDistanceTo(bin) <= config.rejectBinRadius() && z >= bin.z() - 0.3 && z <= bin.z() + 0.5;
    ledger.fate(partId, overBin ? PartFate.IN_BIN : PartFate.DROPPED, clock.get());
  }

  public LineState state() {
    return state;
  }

  public String faultText() {
    return faultText;
  }

  public double setpoint() {
    return setpoint;
  }

  public double speed() {
    return speed;
  }

  /** True while the belt is speeding up towards its setpoint. */
  public boolean accelerating() {
    return state == LineState.RUNNING && !holding && speed < setpoint - 1e-6;
  }

  public boolean partAtInspection() {
    return belt.stream().anyMatch(p -> Math.abs(p.position - INSPECTION_AT) <= SENSOR_HALF_WINDOW);
  }

  public boolean partAtPick() {
    return belt.stream().anyMatch(p -> Math.abs(p.position - PICK_AT) <= SENSOR_HALF_WINDOW);
  }

  public String inspectionPartId() {
    return inspectionId;
  }

  public String pickPartId() {
    return pickId;
  }

  public long partCount() {
    return partCount;
  }

  public int partsOnBelt() {
    return belt.size();
  }

  public boolean holding() {
    return holding;
  }

  /** The id of the part being held, kept after the robot took it until Release(); empty when not holding. */
  public String heldPartId() {
    return holding ? heldId : "";
  }
}
