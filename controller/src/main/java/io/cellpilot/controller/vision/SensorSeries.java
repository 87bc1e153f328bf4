package io.cellpilot.controller.vision;

import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.faults.FaultRecord;
import io.cellpilot.sim.faults.SensorKey.Quantity;
import io.cellpilot.sim.line.PartSpec;
import io.cellpilot.sim.machines.MachineId;
import io.cellpilot.sim.model.CellListener;
import io.cellpilot.sim.model.CellModel;
import io.cellpilot.sim.model.SensorMessage;
import io.cellpilot.sim.time.SimClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Health-sensor history of the simulated machines, from the simulator's own model stepped at full speed (no PLC, no
 * broker): one row per sensor interval with vibration RMS, motor current and bearing temperature, the values the
 * controller reads from MQTT. The line runs as it does under a controller: every defective part is held at the pick
 * position for {@code rejectHold} (the robot's pick), since a stopped belt changes what the sensors see.
 */
public final class SensorSeries {
  /** The training files' columns, in the order the controller's health tags must list them. */
  public static final List<String> CHANNELS = List.of("vibration", "current", "bearing-temperature");
  /** Where simulated time starts when the configuration does not say, so that the same seed writes the same file. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T06:00:00Z");

  /** Rows per machine: time and one value per channel (NaN where the sensor sent nothing usable). */
  public record Series(Map<MachineId, TreeMap<Instant, double[]>> rows, List<FaultRecord> faults) {

    /**
     * Writes {@code <machine>.csv} for each machine with the given columns (a subset of {@link #CHANNELS}, in any
     * order), and {@code faults.csv} with the injected faults.
     */
    public Map<MachineId, Path> write(Path dir, List<String> columns) {
      int[] index = new int[columns.size()];
      for (int i = 0; i < index.length; i++) {
        index[i] = CHANNELS.indexOf(columns.get(i));
        if (index[i] < 0) {
          throw new IllegalArgumentException("--channels: no channel " + columns.get(i) + " (known: "
              + String.join(", ", CHANNELS) + ")");
        }
      }
      Map<MachineId, Path> files = new LinkedHashMap<>();
      try {
        Files.createDirectories(dir);
        for (Map.Entry<MachineId, TreeMap<Instant, double[]>> e : rows.entrySet()) {
          List<String> lines = new ArrayList<>(e.getValue().size() + 1);
          lines.add("timestamp," + String.join(",", columns));
          e.getValue().forEach((t, v) -> {
            StringBuilder line = new StringBuilder(t.toString());
            for (int i : index) {
              line.append(',').append(value(v[i]));
            }
            lines.add(line.toString());
          });
          Path file = dir.resolve(e.getKey().key() + ".csv");
          Files.write(file, lines);
          files.put(e.getKey(), file);
        }
        List<String> faultLines = new ArrayList<>(List.of("kind,target,start,end"));
        for (FaultRecord f : faults) {
          faultLines.add(f.kind() + "," + f.target() + "," + f.simStart() + "," + (f.simEnd() == null ? ""
              : f.simEnd()));
        }
        Files.write(dir.resolve("faults.csv"), faultLines);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the series to " + dir + ": " + e.getMessage(), e);
      }
      return files;
    }

    private static String value(double v) {
      return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.5f", v);
    }
  }

  private SensorSeries() {}

  /** Runs the cell model for {@code duration} of simulated time with the configuration's faults. */
  public static Series generate(SimConfig config, Duration duration, Duration rejectHold) {
    Instant start = config.time().start() != null ? config.time().start() : DEFAULT_START;
    SimClock clock = new SimClock(start, config.time().step(), 1);
    Recorder recorder = new Recorder(config.sensors().machines());
    CellModel model = new CellModel(config, clock, Clock.systemUTC(), recorder);
    long end = duration.toNanos();
    long holdSteps = Math.max(1, rejectHold.toNanos() / clock.stepNanos());
    long heldFor = 0;
    while (clock.elapsedNanos() < end) {
      model.step();
      // The controller's side of the pick handshake, outside the model's step (the listener runs inside it).
      while (!recorder.rejects.isEmpty()) {
        model.requestStop(recorder.rejects.poll());
      }
      if (model.snapshot().holding()) {
        if (++heldFor >= holdSteps) {
          model.release();
          heldFor = 0;
        }
      }
    }
    return new Series(recorder.rows, List.copyOf(model.faults().records()));
  }

  private static final class Recorder implements CellListener {
    final Map<MachineId, TreeMap<Instant, double[]>> rows = new EnumMap<>(MachineId.class);
    final Deque<String> rejects = new ArrayDeque<>();

    Recorder(List<MachineId> machines) {
      machines.forEach(m -> rows.put(m, new TreeMap<>()));
    }

    @Override
    public void partAtCamera(PartSpec part, Instant at) {
      if (part.defective()) {
        rejects.add(part.id());
      }
    }

    @Override
    public void sensor(SensorMessage message) {
      if (message instanceof SensorMessage.Value v) {
        double[] row = rows.get(v.machine()).computeIfAbsent(v.time(), t -> new double[] {Double.NaN, Double.NaN,
            Double.NaN});
        row[column(v.sensor().quantity())] = v.value();
      } else if (message instanceof SensorMessage.Malformed m && !m.raw()) {
        // A garbled message carries no value: the row keeps NaN there, and the detector refuses that sample.
        rows.get(m.machine()).computeIfAbsent(m.time(), t -> new double[] {Double.NaN, Double.NaN, Double.NaN});
      }
    }

    private static int column(Quantity q) {
      return switch (q) {
        case VIBRATION -> 0;
        case CURRENT -> 1;
        case BEARING_TEMPERATURE -> 2;
      };
    }
  }
}
