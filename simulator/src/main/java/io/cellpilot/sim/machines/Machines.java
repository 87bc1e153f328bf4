package io.cellpilot.sim.machines;

import io.cellpilot.sim.config.MeterConfig;
import io.cellpilot.sim.line.Line;
import io.cellpilot.sim.line.LineState;
import io.cellpilot.sim.model.Seeds;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;

/**
 * The cell's machines as electrical and mechanical loads: each one's state follows the line, its power follows its
 * state (so energy per part is a real signal), its meter integrates that power, and its drive has a vibration level,
 * a motor current and a bearing temperature that a bearing fault pushes up. Main meter = machines + base load.
 */
public final class Machines {
  private static final double SQRT3 = Math.sqrt(3);
  private static final double AMBIENT = 24.0;
  private static final double BEARING_TAU_S = 900;
  static final double PRESS_SPIN_UP_S = 1.5;
  static final double PRESS_STROKE_S = 0.6;

  private final class Unit {
    final MachineId id;
    final PowerMeter meter;
    MachineState state = MachineState.IDLE;
    double kw;
    double spikeKw;
    double severity;
    double bearingTemp = AMBIENT + 2;
    double shaftHz;
    double vibration;

    Unit(MachineId id) {
      this.id = id;
      this.meter = new PowerMeter(config.voltage(), Seeds.random(seed, "meter/" + id.key(), 0));
    }
  }

  private final MeterConfig config;
  private final long seed;
  private final Map<MachineId, Unit> units = new EnumMap<>(MachineId.class);
  private final PowerMeter main;
  private final StationTemperatures temperatures;
  private final SplittableRandom grid;
  private ElectricalLoad robot = ElectricalLoad.IDLE_ARM;
  private double baseKw;
  private double mainSpikeKw;
  private double gridDeviation;
  private double pressSpinUp;
  private double pressStroke;
  private boolean pressMotorOn;
  private double elapsed;

  public Machines(MeterConfig config, long seed) {
    this.config = config;
    this.seed = seed;
    for (MachineId id : MachineId.values()) {
      units.put(id, new Unit(id));
    }
    this.main = new PowerMeter(config.voltage(), Seeds.random(seed, "meter/main", 0));
    this.temperatures = new StationTemperatures(Seeds.random(seed, "station-temperatures", 0));
    this.grid = Seeds.random(seed, "grid", 0);
    this.baseKw = config.baseLoadKw();
  }

  /** The robot's meter follows {@code load} from now on (the cobot, once it exists). */
  public void robotLoad(ElectricalLoad load) {
    this.robot = load;
  }

  /** A part passes under the press: one stroke. */
  public void pressStroke() {
    if (pressMotorOn) {
      pressStroke = PRESS_STROKE_S;
    }
  }

  /**
   * Advances every machine by {@code dt} seconds. {@code severity} gives each machine's bearing fault severity,
   * {@code spikeKw} the extra power a power-spike fault puts on a meter ({@code main} or a machine key).
   */
  public void step(double dt, Line line, ToDoubleBiFunction<MachineId, String> severity,
      ToDoubleBiFunction<MachineId, String> spikeKw) {
    for (Unit u : units.values()) {
      u.severity = severity.applyAsDouble(u.id, u.id.key());
      u.spikeKw = spikeKw.applyAsDouble(u.id, u.id.key());
    }
    mainSpikeKw = spikeKw.applyAsDouble(null, "main");
    stepConveyor(units.get(MachineId.CONVEYOR), line);
    stepPress(units.get(MachineId.PRESS), line.state(), dt);
    Unit arm = units.get(MachineId.ROBOT);
    arm.state = robot.state();
    arm.kw = robot.activePowerKw();
    arm.shaftHz = arm.state == MachineState.RUNNING ? 8 : 0;
    arm.vibration = arm.state == MachineState.RUNNING ? 0.8 : 0.15;

    // The grid voltage wanders slowly (within about 1 %); base load breathes with the compressor.
    gridDeviation = 0.995 * gridDeviation + 0.0005 * grid.nextGaussian();
    elapsed += dt;
    baseKw = config.baseLoadKw() * (1 + 0.03 * Math.sin(2 * Math.PI * elapsed / 300));
    double total = baseKw + mainSpikeKw;
    for (Unit u : units.values()) {
      applyBearing(u, dt);
      u.meter.integrate(u.kw + u.spikeKw, dt);
      total += u.kw + u.spikeKw;
    }
    main.integrate(total, dt);
    temperatures.step(dt, units.get(MachineId.PRESS).kw);
  }

  private void stepConveyor(Unit u, Line line) {
    double v = line.speed();
    if (line.state() == LineState.FAULTED) {
      u.state = MachineState.FAULTED;
      u.kw = 0.05;
    } else if (v <= 1e-6) {
      u.state = MachineState.IDLE;
      u.kw = 0.08;
    } else {
      u.state = line.accelerating() ? MachineState.ACCELERATING : MachineState.RUNNING;
      u.kw = 0.15 + 1.1 * v + 0.04 * line.partsOnBelt() + (line.accelerating() ? 0.7 : 0);
    }
    // Gear motor: 1450 rpm at 1 m/s belt speed.
    u.shaftHz = 24.2 * v;
    u.vibration = v <= 1e-6 ? 0.05 : 0.6 + 2.5 * v + (line.accelerating() ? 0.3 : 0);
  }

  private void stepPress(Unit u, LineState lineState, double dt) {
    if (lineState == LineState.FAULTED) {
      pressMotorOn = false;
      pressStroke = 0;
      u.state = MachineState.FAULTED;
      u.kw = 0.15;
      u.shaftHz = 0;
      u.vibration = 0.1;
      return;
    }
    if (lineState == LineState.RUNNING && !pressMotorOn) {
      pressMotorOn = true;
      pressSpinUp = PRESS_SPIN_UP_S;
    } else if (lineState == LineState.STOPPED) {
      pressMotorOn = false;
      pressStroke = 0;
    }
    if (!pressMotorOn) {
      u.state = MachineState.IDLE;
      u.kw = 0.35; // controls and hydraulic standby
      u.shaftHz = 0;
      u.vibration = 0.35;
      return;
    }
    if (pressSpinUp > 0) {
      pressSpinUp -= dt;
      u.state = MachineState.ACCELERATING;
      u.kw = 6.0;
      u.shaftHz = 24.5 * (1 - Math.max(0, pressSpinUp) / PRESS_SPIN_UP_S);
      u.vibration = 3.0;
      return;
    }
    u.state = MachineState.RUNNING;
    u.shaftHz = 24.5;
    u.kw = 1.2;
    u.vibration = 2.2;
    if (pressStroke > 0) {
      pressStroke -= dt;
      u.kw += 7.5;
      u.vibration += 1.5;
    }
  }

  private void applyBearing(Unit u, double dt) {
    boolean turning = u.shaftHz > 0.5;
    if (turning && u.severity > 0) {
      u.vibration = u.vibration * (1 + 3.5 * u.severity) + 0.4 * u.severity;
      u.kw *= 1 + 0.06 * u.severity; // friction
    }
    double rated = u.id == MachineId.PRESS ? 9.0 : u.id == MachineId.CONVEYOR ? 1.5 : 0.5;
    double target = AMBIENT + 4 + 18 * Math.min(1.5, u.kw / rated) + (turning ? 12 * u.severity : 0);
    u.bearingTemp += (target - u.bearingTemp) * (1 - Math.exp(-dt / BEARING_TAU_S));
  }

  public MachineState state(MachineId id) {
    return units.get(id).state;
  }

  /** Active power of machine {@code id} as its meter sees it (including a power spike), kW. */
  public double powerKw(MachineId id) {
    Unit u = units.get(id);
    return u.kw + u.spikeKw;
  }

  public MeterReading meter(MachineId id) {
    return units.get(id).meter.read(powerKw(id), gridDeviation);
  }

  public MeterReading mainMeter() {
    double total = baseKw + mainSpikeKw;
    for (MachineId id : MachineId.values()) {
      total += powerKw(id);
    }
    return main.read(total, gridDeviation);
  }

  /** The true energy of every meter so far ({@code main} and each machine key), kWh: ground truth for tests. */
  public Map<String, Double> trueEnergyKwh() {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    out.put("main", main.energyKwh());
    units.forEach((id, u) -> out.put(id.key(), u.meter.energyKwh()));
    return out;
  }

  /** The true drive condition of machine {@code id} now (sensors add their own errors). */
  public HealthTruth health(MachineId id) {
    Unit u = units.get(id);
    double current = u.kw * 1000 / (SQRT3 * config.voltage() * 0.86);
    return new HealthTruth(u.vibration, current, u.bearingTemp, u.shaftHz, u.severity);
  }

  public double pressTemperature() {
    return temperatures.press();
  }

  public double inspectionTemperature(double elapsedSeconds) {
    return temperatures.inspection(elapsedSeconds);
  }
}
