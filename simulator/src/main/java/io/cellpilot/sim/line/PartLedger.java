package io.cellpilot.sim.line;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ground truth of every part of the run (the most recent {@code capacity} of them), readable from any thread
 * while the model writes it.
 */
public final class PartLedger {

  private final int capacity;
  private final Map<String, PartTruth> parts;

  public PartLedger(int capacity) {
    this.capacity = capacity;
    this.parts = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PartTruth> eldest) {
        return size() > PartLedger.this.capacity;
      }
    };
  }

  synchronized void entered(PartSpec part, Instant at) {
    parts.put(part.id(), new PartTruth(part, at, null, PartFate.ON_BELT, null));
  }

  synchronized void inspected(String id, Instant at) {
    parts.computeIfPresent(id, (k, t) -> new PartTruth(t.part(), t.enteredAt(), at, t.fate(), t.fateAt()));
  }

  synchronized void fate(String id, PartFate fate, Instant at) {
    parts.computeIfPresent(id, (k, t) -> new PartTruth(t.part(), t.enteredAt(), t.inspectedAt(), fate, at));
  }

  public synchronized Optional<PartTruth> get(String id) {
    return Optional.ofNullable(parts.get(id));
  }

  /** Every part still remembered, oldest first. */
  public synchronized List<PartTruth> all() {
    return new ArrayList<>(parts.values());
  }
}
