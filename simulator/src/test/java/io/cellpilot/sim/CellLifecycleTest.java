package io.cellpilot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.config.SimConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
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
}
