package io.cellpilot.events;

import java.util.function.Consumer;

/** Where the cell's events are published and consumed in process. */
public interface CellEventBus {

  /** Hands the event to every subscriber; a failing subscriber never stops the others. */
  void publish(CellEvent event);

  /** Subscribes; the returned handle unsubscribes. Subscribers must return quickly (queue, don't block). */
  AutoCloseable subscribe(Consumer<? super CellEvent> subscriber);
}
