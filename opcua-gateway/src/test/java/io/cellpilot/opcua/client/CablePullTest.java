package io.cellpilot.opcua.client;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.testserver.CablePullProxy;
import io.cellpilot.opcua.testserver.TestPki;
import io.cellpilot.opcua.testserver.TestPlcServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A silently dead connection (no TCP close) is noticed by keep-alives within the configured bound, and when the cable
 * is back the same server session carries on and values come back without a restart.
 */
class CablePullTest {
  static final String NS = "nsu=" + TestPlcServer.NAMESPACE + ";s=Plant/";

  @TempDir
  Path dir;

  @Test
  void aPulledCableIsDetectedWithinTheKeepAliveBoundAndDataResumesWhenPluggedIn() throws Exception {
    try (TestPlcServer plc = TestPlcServer.start(dir.resolve("plc-pki"));
         CablePullProxy cable = new CablePullProxy(plc.port())) {
      plc.set("Counter", 5);
      TestPki.trustServer(dir.resolve("plc-pki"), dir.resolve("pki"));
      PlcConfig config = PlcConfig.builder("press")
          .endpoint("opc.tcp://localhost:" + cable.port() + "/plc")
          .pkiDir(dir.resolve("pki"))
          .keepAliveInterval(Duration.ofMillis(500)).keepAliveFailuresAllowed(1)
          .keepAliveTimeout(Duration.ofMillis(500))
          .tag(TagConfig.builder("counter").nodeId(NS + "Counter").samplingInterval(Duration.ofMillis(50)))
          .build();
      try (OpcUaPlcClient client = new OpcUaPlcClient(config)) {
        client.start();
        await().atMost(20, SECONDS).until(() -> client.current("counter").isGood());

        cable.pull();
        long pulledAt = System.nanoTime();
        // Bound 1.5 s by configuration; the margin is for a loaded CI machine, not for the gateway.
        await().atMost(config.lossDetectionBound().toMillis() + 8_000, MILLISECONDS)
            .until(() -> client.status().state() == ConnectionState.RECONNECTING);
        long detectedMillis = (System.nanoTime() - pulledAt) / 1_000_000;
        TagValue down = client.current("counter");
        assertEquals(Quality.Reason.COMM_FAILURE, down.quality().reason());
        assertNull(down.value());
        System.out.printf("cable pull detected after %d ms (configured bound %d ms)%n", detectedMillis,
            config.lossDetectionBound().toMillis());

        plc.set("Counter", 6);
        cable.plugIn();
        await().atMost(40, SECONDS).until(() -> client.status().isConnected()
            && Integer.valueOf(6).equals(client.current("counter").value()));
        plc.set("Counter", 7);
        await().atMost(10, SECONDS).until(() -> Integer.valueOf(7).equals(client.current("counter").value()));
      }
    }
  }
}
