package io.cellpilot.status.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.status.outbox.OutboxConfig.FsyncPolicy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  @TempDir Path dir;

  private OutboxConfig config(FsyncPolicy fsync) {
    return OutboxConfig.defaults(dir).withFsync(fsync).withSizes(64 * 1024, 8 * 1024);
  }

  private static OutboxRecord event(int i) {
    return OutboxRecord.of(null, 1000L + i, false, ("event-" + i).getBytes(StandardCharsets.UTF_8));
  }

  private static String text(OutboxRecord r) {
    return new String(r.payload(), StandardCharsets.UTF_8);
  }

  @Test
  void recordsAndTheDeliveredPositionSurviveReopening() throws IOException {
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.ALWAYS))) {
      OutboxCursor cursor = outbox.cursor("json");
      for (int i = 0; i < 500; i++) {
        assertEquals(i, outbox.append(event(i)));
      }
      cursor.ack(120);
      cursor.flush();
    }
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.ALWAYS))) {
      OutboxCursor cursor = outbox.cursor("json");
      assertEquals(120, cursor.position());
      List<OutboxRecord> rest = outbox.read(cursor.position(), 1000);
      assertEquals(380, rest.size());
      for (int i = 0; i < rest.size(); i++) {
        assertEquals(120 + i, rest.get(i).offset());
        assertEquals("event-" + (120 + i), text(rest.get(i)));
        assertEquals(1120L + i, rest.get(i).timeMillis());
      }
      assertEquals(500, outbox.append(event(500)));
    }
  }

  @Test
  void aFullLogDropsTheOldestEventsButKeepsTheNewestRecordOfEveryKey() throws IOException {
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.NEVER))) {
      OutboxCursor cursor = outbox.cursor("json");
      outbox.append(OutboxRecord.of("line", 1, false, "line-running".getBytes(StandardCharsets.UTF_8)));
      outbox.append(OutboxRecord.of("alarm/press", 2, false, "alarm-raised".getBytes(StandardCharsets.UTF_8)));
      for (int i = 0; i < 5000; i++) {
        outbox.append(event(i));
      }
      OutboxStats stats = outbox.stats();
      assertTrue(stats.bytes() <= 64 * 1024 + 8 * 1024, "log stays near its limit: " + stats);
      assertTrue(stats.dropped() > 0, "oldest events were dropped: " + stats);
      List<OutboxRecord> left = outbox.read(cursor.position(), 10_000);
      // Every record is either delivered later or counted: nothing vanishes silently.
      assertEquals(5002, left.size() + stats.dropped(), "accounting " + stats);
      assertTrue(stats.carried() > 0, "states were carried forward: " + stats);
      assertTrue(left.stream().anyMatch(r -> "line".equals(r.key()) && text(r).equals("line-running")));
      assertTrue(left.stream().anyMatch(r -> "alarm/press".equals(r.key())));
      assertEquals("event-4999", text(left.get(left.size() - 1)));
      // What is kept of the events is the newest, in order.
      List<String> events = left.stream().filter(r -> r.key() == null).map(OutboxTest::text).toList();
      int first = Integer.parseInt(events.get(0).substring(6));
      for (int i = 0; i < events.size(); i++) {
        assertEquals("event-" + (first + i), events.get(i));
      }
    }
  }

  @Test
  void deliveredSegmentsAreDeletedAndTheirNewestStatesKeptAsSnapshots() throws IOException {
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.NEVER))) {
      OutboxCursor cursor = outbox.cursor("json");
      outbox.append(OutboxRecord.of("line", 1, false, "running".getBytes(StandardCharsets.UTF_8)));
      outbox.append(OutboxRecord.of("alarm/press", 2, true, "cleared".getBytes(StandardCharsets.UTF_8)));
      for (int i = 0; i < 1000; i++) {
        outbox.append(event(i));
      }
      cursor.ack(outbox.nextOffset());
      cursor.flush();
      assertTrue(outbox.firstOffset() > 0, "delivered segments deleted");
      List<OutboxRecord> kept = outbox.read(0, 10_000);
      assertTrue(kept.stream().anyMatch(r -> "line".equals(r.key()) && r.snapshot()), "state kept as a snapshot");
      assertTrue(kept.stream().noneMatch(r -> "alarm/press".equals(r.key())), "a delivered tombstone is forgotten");
      assertEquals(0, outbox.stats().dropped());
    }
  }

  @Test
  void recoveryCutsATornTailAndKeepsEveryCompleteRecord() throws IOException {
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.ALWAYS))) {
      for (int i = 0; i < 50; i++) {
        outbox.append(event(i));
      }
    }
    Path segment = lastSegment();
    long complete = Files.size(segment);
    // A torn write: the head of a frame that claims more bytes than reached the disk.
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.seek(complete);
      file.writeInt(200);
      file.writeInt(0xdeadbeef);
      file.write(new byte[37]);
    }
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.ALWAYS))) {
      assertEquals(50, outbox.nextOffset());
      assertEquals(45, outbox.stats().truncatedBytes());
      assertEquals(complete, Files.size(segment));
      assertEquals("event-49", text(outbox.read(49, 1).get(0)));
      assertEquals(50, outbox.append(event(50)));
    }
  }

  @Test
  void recoveryStopsAtTheFirstRecordWhoseChecksumFails() throws IOException {
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.ALWAYS))) {
      for (int i = 0; i < 10; i++) {
        outbox.append(event(i));
      }
    }
    Path segment = lastSegment();
    long size = Files.size(segment);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.seek(size - 2); // a bit flipped in the last record's payload
      int b = file.read();
      file.seek(size - 2);
      file.write(b ^ 0x10);
    }
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.ALWAYS))) {
      assertEquals(9, outbox.nextOffset());
      assertEquals(9, outbox.stats().recoveredRecords());
      assertEquals("event-8", text(outbox.read(8, 1).get(0)));
    }
  }

  @Test
  void aDamagedCursorFileMeansDeliveringAgainNeverSkipping() throws IOException {
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.ALWAYS))) {
      outbox.cursor("json");
      for (int i = 0; i < 10; i++) {
        outbox.append(event(i));
      }
      outbox.cursor("json").ack(7);
      outbox.cursor("json").flush();
    }
    Files.write(dir.resolve("json.cursor"), new byte[] {1, 2, 3});
    try (Outbox outbox = Outbox.open(config(FsyncPolicy.ALWAYS))) {
      assertEquals(0, outbox.cursor("json").position());
    }
  }

  private Path lastSegment() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }
}
