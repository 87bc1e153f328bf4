package io.cellpilot.status.outbox;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.events.CellEvent;
import io.cellpilot.status.EventLog;
import io.cellpilot.status.testing.ChildJvm;
import io.cellpilot.status.testing.OutboxWriterChild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process is SIGKILLed in the middle of a stream of appends, three times; after each kill the outbox holds
 * every event whose append had returned, in order, and the next writer continues the same log.
 */
class OutboxKillTest {
  @TempDir Path dir;

  @Test
  void everyAppendThatReturnedSurvivesSigkillOfTheWriter() throws Exception {
    Path outboxDir = dir.resolve("outbox");
    List<String> acknowledged = new ArrayList<>();
    long truncated = 0;
    for (int round = 0; round < 3; round++) {
      int target = 3000 + round * 1000;
      try (ChildJvm child = ChildJvm.start(OutboxWriterChild.class, dir.resolve("child.log"), outboxDir.toString(),
          round == 1 ? "ALWAYS" : "INTERVAL")) {
        await().atMost(60, SECONDS).until(() -> child.lineCount() >= target || !child.isAlive());
        assertTrue(child.isAlive(), "writer died on its own; see child.log");
        child.kill(); // mid-stream: the writer is appending as fast as it can
        acknowledged.addAll(child.lines());
      }
      try (Outbox outbox = Outbox.open(OutboxConfig.defaults(outboxDir).withSizes(64L << 20, 1L << 20))) {
        List<String> ids = new ArrayList<>();
        long next = 0;
        List<OutboxRecord> batch;
        while (!(batch = outbox.read(next, 4096)).isEmpty()) {
          for (OutboxRecord r : batch) {
            CellEvent e = EventLog.decode(r);
            ids.add(e.eventId());
            next = r.offset() + 1;
          }
        }
        truncated += outbox.stats().truncatedBytes();
        // The log may hold one more event than was printed (killed between append and println), never one less.
        assertTrue(ids.size() >= acknowledged.size(), "round " + round + ": " + ids.size() + " < " + acknowledged.size());
        assertEquals(acknowledged, ids.subList(0, acknowledged.size()), "round " + round);
        acknowledged = new ArrayList<>(ids);
        System.out.printf("kill round %d: %d events kept, %d bytes of torn tail cut so far%n", round, ids.size(),
            truncated);
      }
    }
  }
}
