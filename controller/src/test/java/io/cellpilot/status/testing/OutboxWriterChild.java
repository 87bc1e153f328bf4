package io.cellpilot.status.testing;

import io.cellpilot.events.PartInspected;
import io.cellpilot.status.EventLog;
import io.cellpilot.status.outbox.Outbox;
import io.cellpilot.status.outbox.OutboxConfig;
import java.nio.file.Path;

/**
 * Child process of the kill test: appends part events to the outbox as fast as it can and prints each event id once
 * {@code append} has returned. Args: outbox dir, fsync policy.
 */
public final class OutboxWriterChild {
  public static void main(String[] args) throws Exception {
    OutboxConfig config = OutboxConfig.defaults(Path.of(args[0])).withSizes(64L << 20, 1L << 20)
        .withFsync(OutboxConfig.FsyncPolicy.valueOf(args[1]));
    SampleEvents samples = new SampleEvents(System.currentTimeMillis());
    try (Outbox outbox = Outbox.open(config)) {
      outbox.cursor("json");
      for (int i = 0; i < 10_000_000; i++) {
        PartInspected e = samples.part(PartInspected.Verdict.GOOD, PartInspected.Action.PASS);
        EventLog.append(outbox, e);
        System.out.println(ChildJvm.REPORT + e.eventId());
      }
    }
  }
}
