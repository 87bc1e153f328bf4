package io.cellpilot.events;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Synchronous fan-out on the publisher's thread: events arrive at each subscriber in publication order. */
public final class InProcessEventBus implements CellEventBus {
  private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

  private final CopyOnWriteArrayList<Consumer<? super CellEvent>> subscribers = new CopyOnWriteArrayList<>();

  @Override
  public void publish(CellEvent event) {
    for (Consumer<? super CellEvent> subscriber : subscribers) {
      try {
        subscriber.accept(event);
      } catch (RuntimeException e) {
        log.warn("[events] subscriber {} failed on {} {}", subscriber, event.type(), event.eventId(), e);
      }
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<? super CellEvent> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }
}
