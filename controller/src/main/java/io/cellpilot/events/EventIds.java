package io.cellpilot.events;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes event ids that sort in creation order across restarts: the start instant in milliseconds, then a sequence
 * number, both fixed-width hex, e.g. {@code 0193a5f2c1e0-00000000002a}.
 */
public final class EventIds {
  private final String epoch;
  private final AtomicLong sequence = new AtomicLong();

  public EventIds(long startMillis) {
    this.epoch = String.format("%012x", startMillis);
  }

  public static EventIds startingNow() {
    return new EventIds(System.currentTimeMillis());
  }

  public String next() {
    return epoch + "-" + String.format("%012x", sequence.incrementAndGet());
  }
}
