package io.cellpilot.status.testing;

import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.events.PartInspected;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.StatusService;
import io.cellpilot.status.mqtt.MqttConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Child process of the fault test: the status service (JSON) with a cell that inspects {@code rate} parts per second,
 * printing each event id once the bus has taken it. Args: data dir, broker URI, cell, rate, count.
 */
public final class StatusPublisherChild {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int rate = Integer.parseInt(args[3]);
    int count = Integer.parseInt(args[4]);
    StatusConfig config = new StatusConfig("plant1", args[2], true, false, null,
        StatusConfig.defaults("plant1", args[2], data).outbox(), Duration.ofMillis(500));
    InProcessEventBus bus = new InProcessEventBus();
    SampleEvents samples = new SampleEvents(System.currentTimeMillis());
    try (StatusService service = StatusService.start(config, MqttConfig.plain(args[1], "fault-" + args[2]), bus, null,
        Clock.systemUTC())) {
      long periodNanos = 1_000_000_000L / rate;
      long next = System.nanoTime();
      for (int i = 0; i < count; i++) {
        PartInspected e = samples.part(PartInspected.Verdict.GOOD, PartInspected.Action.PASS);
        bus.publish(e);
        System.out.println(ChildJvm.REPORT + e.eventId());
        next += periodNanos;
        LockSupport.parkNanos(next - System.nanoTime());
      }
      System.out.println(ChildJvm.REPORT + "done");
      // Stay up until the test has what it needs and kills this process.
      LockSupport.park();
    }
  }
}
