package io.cellpilot.controller.models;

import io.cellpilot.controller.health.HealthModel;
import io.cellpilot.controller.inspection.InspectionModel;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.ModelChanged;
import io.cellpilot.events.ModelChanged.Change;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models serving the cell, one slot per configured model. Loading verifies the package first (through the
 * {@link ModelLoader}) and only then swaps it in with one atomic reference write: a refused package leaves the old
 * model serving, and an inspection in flight finishes on the model it started with. Rollback returns to the previous
 * version. A shadow candidate sees the same images; its verdicts are recorded, never acted on.
 */
public final class ModelRegistry {
  private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
  private static final int HISTORY = 5;

  private final ModelLoader loader;
  private final Path packageDir;
  private final CellEventBus events;
  private final EventIds ids;
  private final Clock clock;
  private final Map<String, Slot> slots = new LinkedHashMap<>();

  private static final class Slot {
    final String kind;
    final AtomicReference<LoadedModel> active = new AtomicReference<>();
    final AtomicReference<LoadedModel> shadow = new AtomicReference<>();
    final Deque<LoadedModel> history = new ArrayDeque<>();

    Slot(String kind) {
      this.kind = kind;
    }
  }

  /**
   * @param slots model id to kind ({@code inspection}, {@code health})
   * @param packageDir packages may only be loaded from inside this folder
   */
  public ModelRegistry(Map<String, String> slots, ModelLoader loader, Path packageDir, CellEventBus events,
      EventIds ids, Clock clock) {
    this.loader = loader;
    this.packageDir = packageDir.toAbsolutePath().normalize();
    this.events = events;
    this.ids = ids;
    this.clock = clock;
    slots.forEach((id, kind) -> this.slots.put(id, new Slot(kind)));
  }

  /** Verifies and swaps in a package; the old model keeps serving if it is refused. */
  public LoadedModel load(String id, Path file, String user) throws ModelPackageRefused {
    Slot slot = slot(id);
    LoadedModel candidate = verify(id, slot, file);
    LoadedModel previous;
    synchronized (slot) {
      previous = slot.active.getAndSet(candidate);
      if (previous != null) {
        slot.history.push(previous);
        while (slot.history.size() > HISTORY) {
          slot.history.removeLast();
        }
      }
    }
    log.info("[{}] model {} loaded by {} from {} (was {})", id, candidate.version(), user, file,
        previous == null ? "none" : previous.version());
    publish(id, candidate.version(), previous == null ? "" : previous.version(), Change.LOADED, user);
    return candidate;
  }

  /** Returns to the previous version. */
  public LoadedModel rollback(String id, String user) throws ModelPackageRefused {
    Slot slot = slot(id);
    LoadedModel restored;
    LoadedModel replaced;
    synchronized (slot) {
      if (slot.history.isEmpty()) {
        throw new ModelPackageRefused("model " + id + " has no previous version to roll back to");
      }
      restored = slot.history.pop();
      replaced = slot.active.getAndSet(restored);
    }
    log.info("[{}] model rolled back by {} from {} to {}", id, user, replaced.version(), restored.version());
    publish(id, restored.version(), replaced.version(), Change.ROLLED_BACK, user);
    return restored;
  }

  /** Starts a shadow candidate beside the active model. */
  public LoadedModel startShadow(String id, Path file, String user) throws ModelPackageRefused {
    Slot slot = slot(id);
    LoadedModel candidate = verify(id, slot, file);
    LoadedModel old = slot.shadow.getAndSet(candidate);
    log.info("[{}] shadow model {} started by {}", id, candidate.version(), user);
    publish(id, candidate.version(), old == null ? "" : old.version(), Change.SHADOW_STARTED, user);
    return candidate;
  }

  public void stopShadow(String id, String user) throws ModelPackageRefused {
    LoadedModel old = slot(id).shadow.getAndSet(null);
    if (old != null) {
      publish(id, old.version(), "", Change.SHADOW_STOPPED, user);
    }
  }

  public Optional<LoadedModel> active(String id) {
    Slot slot = slots.get(id);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.active.get());
  }

  public Optional<LoadedModel> shadow(String id) {
    Slot slot = slots.get(id);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.shadow.get());
  }

  public List<ModelStatus> list() {
    List<ModelStatus> out = new ArrayList<>();
    slots.forEach((id, slot) -> {
      LoadedModel a = slot.active.get();
      LoadedModel s = slot.shadow.get();
      List<String> history;
      synchronized (slot) {
        history = slot.history.stream().map(LoadedModel::version).toList();
      }
      out.add(new ModelStatus(id, slot.kind, a == null ? "" : a.version(), a == null ? "" : a.sha256(), history,
          s == null ? "" : s.version()));
    });
    return out;
  }

  /** Resolves a file name the API was given against the package folder, refusing anything outside it. */
  public Path resolvePackage(String name) throws ModelPackageRefused {
    Path p = packageDir.resolve(name).toAbsolutePath().normalize();
    if (!p.startsWith(packageDir)) {
      throw new ModelPackageRefused("model packages are loaded from " + packageDir + " only, not " + name);
    }
    return p;
  }

  private LoadedModel verify(String id, Slot slot, Path file) throws ModelPackageRefused {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new ModelPackageRefused("model package " + file + " does not exist");
    }
    LoadedModel candidate;
    try {
      candidate = loader.load(slot.kind, file);
    } catch (ModelPackageRefused e) {
      log.warn("[{}] model package {} refused: {}", id, file, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      log.warn("[{}] model package {} could not be loaded", id, file, e);
      throw new ModelPackageRefused("model package " + file.getFileName() + " could not be loaded: " + e, e);
    }
    Class<?> expected = slot.kind.equals("health") ? HealthModel.class : InspectionModel.class;
    if (!expected.isInstance(candidate.model())) {
      throw new ModelPackageRefused("model package " + file.getFileName() + " holds a "
          + candidate.model().getClass().getSimpleName() + ", but model " + id + " is of kind " + slot.kind);
    }
    return candidate;
  }

  private Slot slot(String id) throws ModelPackageRefused {
    Slot slot = slots.get(id);
    if (slot == null) {
      throw new ModelPackageRefused("no model '" + id + "' is configured (known: " + slots.keySet() + ")");
    }
    return slot;
  }

  private void publish(String id, String version, String previous, Change change, String user) {
    events.publish(new ModelChanged(ids.next(), clock.instant(), id, version, previous, change, user));
  }
}
