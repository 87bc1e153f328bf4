package io.cellpilot.sim.model;

import io.cellpilot.sim.config.SensorConfig;
import io.cellpilot.sim.faults.FaultBook;
import io.cellpilot.sim.faults.SensorKey;
import io.cellpilot.sim.faults.SensorKey.Quantity;
import io.cellpilot.sim.machines.HealthTruth;
import io.cellpilot.sim.machines.MachineId;
import io.cellpilot.sim.machines.Machines;
import io.cellpilot.sim.machines.VibrationWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The health sensors: reads each machine's true drive condition, adds the sensor's own noise, then what the active
 * faults do to it (drift adds an offset, stuck repeats the value from the fault's start, dropout sends nothing,
 * malformed-json garbles the message). Each sensor draws noise from its own stream of the seed.
 */
final class HealthSampler {

  private final SensorConfig config;
  private final Machines machines;
  private final FaultBook faults;
  private final Map<SensorKey, SplittableRandom> noise = new HashMap<>();
  private final Map<MachineId, SplittableRandom> windowNoise = new HashMap<>();
  private final Map<SensorKey, Double> last = new HashMap<>();
  private final Map<Integer, Double> frozen = new HashMap<>();
  private final Map<MachineId, float[]> lastWindow = new HashMap<>();
  private final Map<SensorKey, Integer> garbled = new HashMap<>();
  private long dropped;

  HealthSampler(long seed, SensorConfig config, Machines machines, FaultBook faults) {
    this.config = config;
    this.machines = machines;
    this.faults = faults;
    for (MachineId m : config.machines()) {
      for (Quantity q : Quantity.values()) {
        SensorKey key = new SensorKey(m, q);
        noise.put(key, Seeds.random(seed, "sensor/" + key, 0));
      }
      windowNoise.put(m, Seeds.random(seed, "sensor/" + m.key() + "/vibration/raw", 0));
    }
  }

  /** One scalar message per sensor (minus dropped ones) at {@code now}. */
  List<SensorMessage> sample(Instant now) {
    List<SensorMessage> out = new ArrayList<>();
    for (MachineId m : config.machines()) {
      HealthTruth truth = machines.health(m);
      for (Quantity q : Quantity.values()) {
        SensorKey key = new SensorKey(m, q);
        double measured = measure(truth, q, noise.get(key));
        FaultBook.SensorEffect effect = faults.sensor(key, now);
        if (effect.stuck() != null) {
          measured = frozen.computeIfAbsent(effect.stuck().id(), id -> last.getOrDefault(key, truthValue(truth, q)));
        } else {
          measured += effect.driftOffset();
          last.put(key, measured);
        }
        if (effect.dropout()) {
          dropped++;
        } else if (effect.malformed()) {
          out.add(new SensorMessage.Malformed(key, false, now, garbled.merge(key, 1, Integer::sum)));
        } else {
          out.add(new SensorMessage.Value(key, now, measured));
        }
      }
    }
    return out;
  }

  /** One raw vibration window per machine (minus dropped ones) at {@code now}. */
  List<SensorMessage> sampleWindows(Instant now) {
    List<SensorMessage> out = new ArrayList<>();
    for (MachineId m : config.machines()) {
      SensorKey key = new SensorKey(m, Quantity.VIBRATION);
      float[] window = VibrationWindow.generate(machines.health(m), config.rawSamples(), config.rawSampleRateHz(),
          windowNoise.get(m));
      FaultBook.SensorEffect effect = faults.sensor(key, now);
      if (effect.stuck() != null && lastWindow.containsKey(m)) {
        window = lastWindow.get(m);
      } else {
        lastWindow.put(m, window);
      }
      if (effect.dropout()) {
        dropped++;
      } else if (effect.malformed()) {
        out.add(new SensorMessage.Malformed(key, true, now, garbled.merge(key, 1, Integer::sum)));
      } else {
        out.add(new SensorMessage.Window(m, now, config.rawSampleRateHz(), window.clone()));
      }
    }
    return out;
  }

  /** Messages the dropout faults swallowed so far. */
  long dropped() {
    return dropped;
  }

  private static double measure(HealthTruth truth, Quantity q, SplittableRandom r) {
    double g = r.nextGaussian();
    return switch (q) {
      case VIBRATION -> Math.max(0, truth.vibrationRms() * (1 + 0.04 * g));
      case CURRENT -> Math.max(0, truth.motorCurrent() * (1 + 0.015 * g) + 0.02 * g);
      case BEARING_TEMPERATURE -> truth.bearingTemperature() + 0.08 * g;
    };
  }

  private static double truthValue(HealthTruth truth, Quantity q) {
    return switch (q) {
      case VIBRATION -> truth.vibrationRms();
      case CURRENT -> truth.motorCurrent();
      case BEARING_TEMPERATURE -> truth.bearingTemperature();
    };
  }
}
