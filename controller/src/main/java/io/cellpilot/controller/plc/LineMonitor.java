package io.cellpilot.controller.plc;

import io.cellpilot.controller.CellPart;
import io.cellpilot.controller.cell.LineControl;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.LineStateChanged;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the PLC's line state tag ({@code Line1/State}: 0 stopped, 1 running, 2 faulted) and publishes
 * {@link LineStateChanged} when it changes; a tag that is BAD or stale reads UNKNOWN, never its last value.
 */
public final class LineMonitor implements CellPart {
  private static final Logger log = LoggerFactory.getLogger(LineMonitor.class);

  /** The line as one reading shows it. */
  record Seen(String state, String reason) {}

  private final LineSettings line;
  private final CellState cell;
  private final LineControl control;
  private final CellEventBus events;
  private final EventIds ids;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private volatile Seen last;
  private volatile boolean running;
  private ScheduledFuture<?> periodic;

  public LineMonitor(LineSettings line, CellState cell, LineControl control, CellEventBus events, EventIds ids,
      Clock clock, ScheduledExecutorService scheduler) {
    this.line = line;
    this.cell = cell;
    this.control = control;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  @Override
  public String name() {
    return "line monitor";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public void start() {
    running = true;
    cell.addListener(v -> {
      if (running && (v.tag().equals(line.stateTag()) || line.faultTextTag().filter(v.tag()::equals).isPresent())) {
        try {
          scheduler.execute(this::check);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          log.debug("[line] shutting down: {} not checked", v.tag());
        }
      }
    });
    // Staleness comes without an update: look every second too.
    periodic = scheduler.scheduleWithFixedDelay(this::check, 0, 1, TimeUnit.SECONDS);
  }

  private synchronized void check() {
    try {
      Seen now = seen(cell.read(line.stateTag()), line.faultTextTag().map(cell::read).orElse(null));
      if (!now.equals(last)) {
        last = now;
        control.reportState(now.state());
        log.info("[line] {}{}", now.state(), now.reason().isEmpty() ? "" : ": " + now.reason());
        events.publish(new LineStateChanged(ids.next(), clock.instant(), now.state(),
            control.pausedBy().isPresent(), now.reason()));
      }
    } catch (RuntimeException e) {
      log.warn("[line] state check failed", e);
    }
  }

  /** The line's state from its state tag (and fault text when faulted); pure. */
  static Seen seen(TagReading state, TagReading faultText) {
    if (!state.fresh()) {
      return new Seen("UNKNOWN", "the PLC's line state cannot be trusted: " + state.problem());
    }
    Object v = state.value().orElse(null);
    long code = v instanceof Number n ? n.longValue() : -1;
    switch ((int) code) {
      case 0:
        return new Seen("STOPPED", "");
      case 1:
        return new Seen("RUNNING", "");
      case 2:
        String why = faultText != null && faultText.fresh() ? String.valueOf(faultText.value().orElse("")) : "";
        return new Seen("FAULTED", Objects.requireNonNullElse(why, ""));
      default:
        return new Seen("UNKNOWN", state.tag() + " reports " + v + ", which is not 0, 1 or 2");
    }
  }

  @Override
  public void stop() {
    running = false;
    if (periodic != null) {
      periodic.cancel(false);
    }
  }
}
