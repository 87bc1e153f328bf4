package io.cellpilot.opcua.client;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one PLC connection, read through {@link ClientStats}. */
final class ClientCounters {
  final LongAdder delivered = new LongAdder();
  final LongAdder droppedOffline = new LongAdder();
  final LongAdder listenerFailures = new LongAdder();
  final LongAdder sessionsLost = new LongAdder();
  final LongAdder subscriptionRebuilds = new LongAdder();
  final LongAdder transferFailures = new LongAdder();
  final LongAdder notificationDataLost = new LongAdder();

  ClientStats snapshot() {
    return new ClientStats(delivered.sum(), droppedOffline.sum(), listenerFailures.sum(), sessionsLost.sum(),
        subscriptionRebuilds.sum(), transferFailures.sum(), notificationDataLost.sum());
  }
}
