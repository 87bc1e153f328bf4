package io.cellpilot.status.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostStateAndBdSeqTest {
  @TempDir Path dir;

  private static byte[] json(boolean online, long ts) {
    return ("{\"online\":" + online + ",\"timestamp\":" + ts + "}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aStateOlderThanTheLastAcceptedOneIsIgnored() {
    HostState host = new HostState("scada");
    assertEquals(Optional.of(true), host.accept("spBv1.0/STATE/scada", json(true, 100)));
    assertEquals(Optional.empty(), host.accept("spBv1.0/STATE/scada", json(false, 99)));
    assertEquals(Optional.of(false), host.accept("spBv1.0/STATE/scada", json(false, 100)));
    assertEquals(Optional.of(true), host.accept("STATE/scada", "ONLINE".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aMalformedStateIsRefusedNamingTheTopic() {
    HostState host = new HostState("scada");
    assertEquals("spBv1.0/STATE/scada: STATE payload needs boolean 'online' and number 'timestamp'",
        assertThrows(IllegalArgumentException.class,
            () -> host.accept("spBv1.0/STATE/scada", "{\"online\":\"yes\"}".getBytes(StandardCharsets.UTF_8)))
            .getMessage());
    assertEquals("STATE/scada: legacy STATE payload must be ONLINE or OFFLINE, was 'maybe'",
        assertThrows(IllegalArgumentException.class,
            () -> host.accept("STATE/scada", "maybe".getBytes(StandardCharsets.UTF_8))).getMessage());
  }

  @Test
  void bdSeqCountsPerConnectAndWrapsAfter255() throws Exception {
    BdSeqStore store = new BdSeqStore(dir.resolve("bdseq"));
    assertEquals(0, store.next());
    assertEquals(1, store.next());
    Files.writeString(dir.resolve("bdseq"), "255");
    assertEquals(255, store.next());
    assertEquals(0, store.next());
    assertEquals(1, new BdSeqStore(dir.resolve("bdseq")).peek(), "a new process continues");
    Files.writeString(dir.resolve("bdseq"), "garbage");
    assertEquals(0, store.next());
  }
}
