package io.cellpilot.controller.energy;

import io.cellpilot.controller.CellPart;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.StaleDataException;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.EventIds;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each meter's power, energy, energy per part and CO2 as {@link EnergyUpdated} every
 * {@code cellpilot.energy.period}. Energy per part is measured between changes of the part counter (fed the moment
 * the counter changes); a meter whose tags are stale or BAD is not published, so nobody reads old figures as new.
 */
public final class EnergyMonitor implements CellPart {
  private static final Logger log = LoggerFactory.getLogger(EnergyMonitor.class);

  private final EnergySettings settings;
  private final CellState cell;
  private final CellEventBus events;
  private final EventIds ids;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Map<String, EnergyPerPart> perPart = new LinkedHashMap<>();
  private final Map<String, String> lastProblem = new ConcurrentHashMap<>();
  private volatile boolean running;
  private ScheduledFuture<?> periodic;

  public EnergyMonitor(EnergySettings settings, CellState cell, CellEventBus events, EventIds ids, Clock clock,
      ScheduledExecutorService scheduler) {
    this.settings = settings;
    this.cell = cell;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
    this.scheduler = scheduler;
    settings.meters().keySet().forEach(m -> perPart.put(m, new EnergyPerPart()));
  }

  @Override
  public String name() {
    return "energy";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public void start() {
    running = true;
    cell.addListener(v -> {
      if (running && v.tag().equals(settings.partCountTag())) {
        try {
          scheduler.execute(this::partsChanged);
        } catch (RejectedExecutionException e) {
          log.debug("[energy] shutting down: part count not used");
        }
      }
    });
    long period = settings.period().toMillis();
    periodic = scheduler.scheduleAtFixedRate(this::publish, period, period, TimeUnit.MILLISECONDS);
  }

  private synchronized void partsChanged() {
    TagReading count = cell.read(settings.partCountTag());
    if (!count.fresh() || !(count.value().orElse(null) instanceof Number n)) {
      return;
    }
    settings.meters().forEach((meter, tags) -> {
      TagReading energy = cell.read(tags.energyTag());
      if (energy.fresh() && energy.value().orElse(null) instanceof Number e) {
        perPart.get(meter).update(n.longValue(), e.doubleValue());
      }
    });
  }

  private synchronized void publish() {
    settings.meters().forEach((meter, tags) -> {
      try {
        Map<String, TagReading> r = cell.requireFresh(List.of(tags.powerTag(), tags.energyTag()));
        double power = number(r.get(tags.powerTag()));
        double energy = number(r.get(tags.energyTag()));
        double co2 = settings.gridFactorKgPerKwh().isPresent()
            ? energy * settings.gridFactorKgPerKwh().getAsDouble() : Double.NaN;
        events.publish(new EnergyUpdated(ids.next(), clock.instant(), meter, power, energy,
            perPart.get(meter).lastWh(), co2));
        if (lastProblem.remove(meter) != null) {
          log.info("[energy] meter {} reads again", meter);
        }
      } catch (StaleDataException | IllegalStateException e) {
        if (!e.getMessage().equals(lastProblem.put(meter, e.getMessage()))) {
          log.warn("[energy] meter {} not published: {}", meter, e.getMessage());
        }
      }
    });
  }

  private static double number(TagReading r) {
    Object v = r.value().orElse(null);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalStateException(r.tag() + " is not a number: " + v);
  }

  @Override
  public void stop() {
    running = false;
    if (periodic != null) {
      periodic.cancel(false);
    }
  }
}
