package io.cellpilot.sim;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.plc.PlcTestClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CellLifecycleTest {

  @Test
  void anUnreachableBrokerFailsTheStartNamingTheBrokerAndLeavesNothingRunning() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = probe.getLocalPort();
    }
    String uri = "tcp://127.0.0.1:" + closedPort;
    SimConfig config = SimConfig.forTests(1).mqtt(m -> m.brokerUri(uri)).build();

    SimException e = assertThrows(SimException.class, () -> SimulatedCell.start(config));
    assertEquals(SimException.Code.START_FAILED, e.code());
    assertTrue(e.getMessage().contains(uri), e.getMessage());
    assertFalse(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("cellpilot-sim-loop")), "no simulation loop left running");
  }

  @Test
  void withMqttSwitchedOffTheCellServesThePlcAloneAndTheCameraStillFillsItsFolder() throws Exception {
    SimConfig config = SimConfig.forTests(2).time(t -> t.scale(10)).mqtt(m -> m.enabled(false)).build();
    try (SimulatedCell cell = SimulatedCell.start(config);
        PlcTestClient plc = PlcTestClient.connect(cell.endpoints().opcUaUrl())) {
      assertNull(cell.endpoints().mqttUri());
      assertTrue(cell.endpoints().describe().contains("MQTT           (disabled)"));
      await().atMost(30, SECONDS).until(() -> "RUNNING".equals(plc.value("Line1/StateText")));
      await().atMost(30, SECONDS).until(() -> {
        try (Stream<Path> files = Files.list(cell.endpoints().cameraFolder())) {
          return files.anyMatch(p -> p.toString().endsWith(".png"));
        }
      });
      assertEquals(0, cell.stats().mqttDropped());
    }
  }
}
