package io.cellpilot.opcua.client;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.testserver.TestPki;
import io.cellpilot.opcua.testserver.TestPlcServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PLC reboot in the middle of a subscription: values go bad at once and come back on their own. */
class ReconnectTest {
  static final String NS = "nsu=" + TestPlcServer.NAMESPACE + ";s=Plant/";
  // Milo's reconnect back-off grows to 16 s; an outage of a few seconds is followed by a retry within about 8 s,
  // plus session creation and a new subscription. 40 s leaves room for a loaded CI machine.
  static final int RESUME_BOUND_SECONDS = 40;

  @TempDir
  Path dir;

  @Test
  void valuesGoBadWhileThePlcIsDownAndResumeAfterItRestartsOnTheSamePort() throws Exception {
    try (TestPlcServer plc = TestPlcServer.start(dir.resolve("plc-pki"))) {
      plc.set("Counter", 1);
      TestPki.trustServer(dir.resolve("plc-pki"), dir.resolve("pki"));
      PlcConfig config = PlcConfig.builder("press")
          .endpoint(plc.endpoint())
          .pkiDir(dir.resolve("pki"))
          .keepAliveInterval(Duration.ofMillis(500))
          .keepAliveTimeout(Duration.ofMillis(500))
          .tag(TagConfig.builder("counter").nodeId(NS + "Counter").samplingInterval(Duration.ofMillis(50)))
          .tag(TagConfig.builder("temperature").nodeId(NS + "Temperature"))
          .build();
      List<TagValue> seen = new CopyOnWriteArrayList<>();
      List<ConnectionStatus> states = new CopyOnWriteArrayList<>();
      try (OpcUaPlcClient client = new OpcUaPlcClient(config)) {
        client.subscribeAll(seen::add);
        client.onStatus(states::add);
        client.start();
        await().atMost(20, SECONDS).until(() -> client.current("counter").isGood()
            && client.current("temperature").isGood());

        plc.stop();
        await().atMost(10, SECONDS).until(() -> client.status().state() == ConnectionState.RECONNECTING);
        Map<String, TagValue> down = client.snapshot();
        down.values().forEach(v -> {
          assertEquals(Quality.Reason.COMM_FAILURE, v.quality().reason(), v.toString());
          assertNull(v.value(), "never the last good value");
        });
        // Listeners were told, for every tag, not only readers of current().
        Map<String, TagValue> lastSeen = new ConcurrentHashMap<>();
        seen.forEach(v -> lastSeen.put(v.ref().tag(), v));
        assertEquals(Quality.Reason.COMM_FAILURE, lastSeen.get("counter").quality().reason());
        assertEquals(Quality.Reason.COMM_FAILURE, lastSeen.get("temperature").quality().reason());
        assertEquals(Quality.Reason.COMM_FAILURE, client.read(List.of("counter")).get(0).quality().reason());

        plc.set("Counter", 99);
        plc.start();
        await().atMost(RESUME_BOUND_SECONDS, SECONDS).until(() -> client.current("counter").isGood()
            && Integer.valueOf(99).equals(client.current("counter").value()));
        plc.set("Counter", 100);
        await().atMost(10, SECONDS).until(() -> Integer.valueOf(100).equals(client.current("counter").value()));
        assertTrue(client.current("temperature").isGood());
        assertTrue(client.status().isConnected());
        assertTrue(states.stream().anyMatch(s -> s.state() == ConnectionState.RECONNECTING));
        ClientStats stats = client.stats();
        assertTrue(stats.sessionsLost() >= 1, stats.toString());
        // The restarted server knows nothing of the old subscription: it was created anew, not transferred.
        assertTrue(stats.subscriptionRebuilds() >= 2, stats.toString());
      }
    }
  }
}
