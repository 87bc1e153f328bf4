package io.cellpilot.controller.robot;

import io.cellpilot.controller.plc.LineSettings;
import io.cellpilot.opcua.client.PlcClient;
import io.cellpilot.opcua.client.TagValue;
import io.cellpilot.robot.RobotDriver;
import io.cellpilot.robot.guard.CellContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the zone sensor's PLC tags ({@code Line1/Safety/ZoneOccupied}, {@code PersonDistance}) to the driver's cell
 * context, where the guard slows the robot down when a person is near (speed and separation monitoring, an additional
 * measure only: the robot's and the cell's safety functions protect people, not CellPilot).
 *
 * <p>The tags are read from the PLC every poll interval rather than taken from the subscription, because a
 * subscription reports changes only and cannot prove that an unchanged "nobody near" is still true. A reading counts
 * from the moment its read was sent. The last good reading is handed to the driver on every poll, good or not, so when
 * reads fail the reading ages and the guard refuses motion (and stops a running move) once it is older than
 * {@code zone.max-age}. Before the first good read the driver gets a reading that is already stale.
 */
final class ZoneSensorFeed {
  private static final Logger log = LoggerFactory.getLogger(ZoneSensorFeed.class);
  /** A zone reading from long ago: the guard treats it as stale, so nothing moves before a real reading. */
  private static final long NEVER = Duration.ofHours(1).toNanos();

  private final RobotDriver driver;
  private final PlcClient plc;
  private final RobotSettings.ZoneSettings zone;
  private final Duration maxAge;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile CellContext last;
  private volatile String lastProblem = "the zone sensor has not been read yet";
  private ScheduledFuture<?> polling;

  ZoneSensorFeed(RobotDriver driver, PlcClient plc, RobotSettings.ZoneSettings zone, Duration maxAge,
      ScheduledExecutorService scheduler) {
    this.driver = driver;
    this.plc = plc;
    this.zone = zone;
    this.maxAge = maxAge;
    this.scheduler = scheduler;
    this.last = CellContext.reading(true, Double.NaN, System.nanoTime() - NEVER);
  }

  void start() {
    driver.updateCellContext(last);
    long period = zone.pollInterval().toMillis();
    polling = scheduler.scheduleWithFixedDelay(this::poll, 0, period, TimeUnit.MILLISECONDS);
  }

  private void poll() {
    if (!reading.compareAndSet(false, true)) {
      // The previous read is still out: hand over the same (ageing) reading so the guard can judge its age.
      driver.updateCellContext(last);
      return;
    }
    long sent = System.nanoTime();
    List<String> tags = new ArrayList<>();
    tags.add(LineSettings.tagOf(zone.occupiedTag()));
    zone.distanceTag().ifPresent(t -> tags.add(LineSettings.tagOf(t)));
    plc.readAsync(tags).whenComplete((values, error) -> {
      try {
        if (error == null) {
          accept(values, sent);
        } else {
          problem("zone sensor read failed: " + error.getMessage());
        }
        driver.updateCellContext(last);
      } catch (RuntimeException e) {
        log.warn("[{}] zone sensor update failed", driver.id(), e);
      } finally {
        reading.set(false);
      }
    });
  }

  private void accept(List<TagValue> values, long sentNanos) {
    TagValue occupied = values.get(0);
    TagValue distance = values.size() > 1 ? values.get(1) : null;
    if (!occupied.isGood() || !(occupied.value() instanceof Boolean)) {
      problem(zone.occupiedTag() + " is " + occupied.quality());
      return;
    }
    double metres = Double.NaN;
    if (distance != null) {
      if (!distance.isGood() || !(distance.value() instanceof Number)) {
        problem(zone.distanceTag().orElse("") + " is " + distance.quality());
        return;
      }
      metres = ((Number) distance.value()).doubleValue();
    }
    last = CellContext.reading((Boolean) occupied.value(), metres, sentNanos);
    if (!lastProblem.isEmpty()) {
      log.info("[{}] zone sensor readings are coming in", driver.id());
    }
    lastProblem = "";
  }

  private void problem(String why) {
    if (!why.equals(lastProblem)) {
      log.warn("[{}] {}; the last good zone reading ages and motion stops once it is older than {} ms", driver.id(),
          why, maxAge.toMillis());
    }
    lastProblem = why;
  }

  /** Why the zone reading cannot be used now; empty when it is fresh. */
  String problem() {
    long ageMillis = (System.nanoTime() - last.observedNanos()) / 1_000_000;
    if (ageMillis <= maxAge.toMillis()) {
      return "";
    }
    return "zone sensor reading is " + (ageMillis > NEVER / 2_000_000 ? "missing" : ageMillis + " ms old")
        + " (limit " + maxAge.toMillis() + " ms)" + (lastProblem.isEmpty() ? "" : ": " + lastProblem);
  }

  /** The reading the driver has now. */
  CellContext current() {
    return last;
  }

  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }
}
