package io.cellpilot.sim.model;

import io.cellpilot.sim.faults.FaultRecord;
import io.cellpilot.sim.line.PartSpec;
import io.cellpilot.sim.machines.MeterReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps everything a model said, as text lines, so that two runs can be compared line by line. */
final class RecordingListener implements CellListener {
  final List<String> parts = new ArrayList<>();
  final List<String> camera = new ArrayList<>();
  final List<String> sensors = new ArrayList<>();
  final List<SensorMessage> messages = new ArrayList<>();
  final List<String> meters = new ArrayList<>();
  final List<CellSnapshot> snapshots = new ArrayList<>();
  final List<FaultRecord> started = new ArrayList<>();
  final List<FaultRecord> ended = new ArrayList<>();

  @Override
  public void partEntered(PartSpec part, Instant at) {
    parts.add(at + " " + part.id() + " " + part.defect().map(Object::toString).orElse("good"));
  }

  @Override
  public void partAtCamera(PartSpec part, Instant at) {
    camera.add(at + " " + part.id());
  }

  @Override
  public void sensor(SensorMessage m) {
    messages.add(m);
    if (m instanceof SensorMessage.Value v) {
      sensors.add(v.time() + " " + v.sensor() + " " + v.value());
    } else if (m instanceof SensorMessage.Window w) {
      sensors.add(w.time() + " " + w.machine().key() + " raw " + Arrays.hashCode(w.values()));
    } else {
      sensors.add(m.toString());
    }
  }

  @Override
  public void meter(String meter, Instant at, MeterReading reading) {
    meters.add(at + " " + meter + " " + reading);
  }

  @Override
  public void snapshot(CellSnapshot snapshot) {
    snapshots.add(snapshot);
  }

  @Override
  public void faultStarted(FaultRecord fault) {
    started.add(fault);
  }

  @Override
  public void faultEnded(FaultRecord fault) {
    ended.add(fault);
  }
}
