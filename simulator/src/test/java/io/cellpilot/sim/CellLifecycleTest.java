package io.cellpilot.sim;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.config.SimConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CellLifecycleTest {

  @Test
  void closeStopsEveryThreadTheCellStartedAndItsComponents() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    AtomicBoolean componentClosed = new AtomicBoolean();
    CellComponent.Factory fake = context -> Optional.of(new CellComponent() {
      public String name() {
        return "fake";
      }

      public void start() {}

      public Map<String, String> endpoints() {
        return Map.of("fake.port", "127.0.0.1:1");
      }

      public void close() {
        componentClosed.set(true);
      }
    });
    SimulatedCell cell = SimulatedCell.start(SimConfig.forTests(1).time(t -> t.scale(5)).build(), java.util.List.of(fake));
    assertEquals("127.0.0.1:1", cell.endpoints().components().get("fake.port"));
    await().atMost(20, SECONDS).until(() -> cell.stats().parts() >= 1);
    cell.close();
    cell.close(); // twice is harmless

    assertTrue(componentClosed.get());
    // Milo's and HiveMQ's shared pools are daemon threads owned by those libraries; ours and Paho's must be gone.
    await().atMost(20, SECONDS).untilAsserted(() -> assertEquals(Set.of(), leftovers(before)));
  }

  private static Set<String> leftovers(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().startsWith("awaitility"))
        .filter(t -> t.getName().contains("cellpilot-sim") || !t.isDaemon() && !t.getName().startsWith("milo-"))
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

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
