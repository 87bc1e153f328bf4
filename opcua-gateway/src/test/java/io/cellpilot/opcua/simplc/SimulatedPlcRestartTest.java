package io.cellpilot.opcua.simplc;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.client.ClientStats;
import io.cellpilot.opcua.client.ConnectionState;
import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.cellpilot.opcua.client.Quality;
import io.cellpilot.opcua.client.TagValue;
import io.cellpilot.opcua.client.TagWrite;
import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.faults.FaultRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's PLC goes away mid-subscription and comes back on the same port with a fresh server (no session,
 * no subscription survives): every tag reads bad, never its last good value, while it is down, and data comes back
 * without anyone touching the gateway.
 */
class SimulatedPlcRestartTest {
  private static final Logger log = LoggerFactory.getLogger(SimulatedPlcRestartTest.class);
  /**
   * The PLC closes its connections, so the loss is seen at once (no keep-alive wait). After it is back, Milo's
   * reconnect back-off (1, 2, 4, 8 s ...) plus a new session and subscription took 1-3 s on an idle machine; 30 s
   * leaves room for a loaded CI box while still failing a gateway that needs a restart to recover.
   */
  static final Duration RESUME_BOUND = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void tagsReadBadWhileThePlcIsStoppedAndDataResumesOnItsOwnAfterItStartsAgain() {
    try (SimulatedCell cell = SimPlc.startPlcOnly(11, c -> c.time(t -> t.scale(4)));
         OpcUaPlcClient client = new OpcUaPlcClient(SimPlc.gateway("line1", cell, dir.resolve("pki")).build())) {
      List<TagValue> seen = new CopyOnWriteArrayList<>();
      client.subscribeAll(seen::add);
      client.start();
      awaitAllGood(client, Duration.ofSeconds(20));
      long countBefore = (Long) client.current("part-count").value();
      int beforeStop = seen.size();

      cell.plc().stop();
      await().atMost(5, SECONDS).until(() -> client.status().state() == ConnectionState.RECONNECTING);
      await().atMost(5, SECONDS).until(() -> client.snapshot().values().stream().noneMatch(TagValue::isGood));
      assertAllCommFailure(client);
      // Readers, writers and callers hear "not connected" at once rather than waiting for timeouts.
      assertEquals(Quality.Reason.COMM_FAILURE, client.read(List.of("part-count")).get(0).quality().reason());
      assertEquals("Bad_ServerNotConnected",
          client.write(List.of(new TagWrite("speed-setpoint", 0.3))).get(0).status().name());
      assertEquals("Bad_ServerNotConnected", client.call(List.of(SimPlc.stop())).get(0).status().name());
      // The line runs on while its PLC is unreachable; nothing of it may reach the gateway as current.
      await().during(1500, MILLISECONDS).atMost(5, SECONDS)
          .until(() -> client.snapshot().values().stream().noneMatch(TagValue::isGood));
      int beforeRestart = seen.size();

      long t0 = System.nanoTime();
      cell.plc().start();
      awaitAllGood(client, RESUME_BOUND);
      Duration resumed = Duration.ofNanos(System.nanoTime() - t0);
      log.info("[line1] data resumed {} ms after the simulated PLC started again", resumed.toMillis());

      assertNoGoodValueBetweenLossAndRestart(seen.subList(beforeStop, beforeRestart));
      // Fresh data, not the old values replayed: the line kept producing parts during the outage.
      long countAfter = (Long) client.current("part-count").value();
      assertTrue(countAfter > countBefore, countAfter + " after vs " + countBefore + " before");
      // And the new subscription keeps delivering on its own.
      await().atMost(10, SECONDS).until(() -> (Long) client.current("part-count").value() > countAfter);
      assertTrue(client.status().isConnected());
      ClientStats stats = client.stats();
      assertTrue(stats.sessionsLost() >= 1, stats.toString());
      assertTrue(stats.subscriptionRebuilds() >= 2, "a restarted server cannot transfer: " + stats);
    }
  }

  @Test
  void thePlcRestartFaultIsRiddenOutWithoutHelp() {
    try (SimulatedCell cell = SimPlc.startPlcOnly(12, c -> c.time(t -> t.scale(4)));
         OpcUaPlcClient client = new OpcUaPlcClient(SimPlc.gateway("line1", cell, dir.resolve("pki")).build())) {
      List<TagValue> seen = new CopyOnWriteArrayList<>();
      List<ConnectionState> states = new CopyOnWriteArrayList<>();
      client.subscribeAll(seen::add);
      client.onStatus(s -> states.add(s.state()));
      client.start();
      awaitAllGood(client, Duration.ofSeconds(20));
      int before = seen.size();

      // 8 s simulated at x4: the PLC is down for about 2 s of wall time, then the simulator restarts it by itself.
      FaultRecord fault = cell.inject(new Fault.PlcRestart(Duration.ofSeconds(8)));
      assertEquals("plc-restart", fault.kind());
      await().atMost(10, SECONDS).until(() -> states.contains(ConnectionState.RECONNECTING));
      awaitAllGood(client, RESUME_BOUND.plusSeconds(2));

      // Every tag went bad in between, and came back with a value the restarted PLC produced, not an old one.
      List<TagValue> during = new ArrayList<>(seen.subList(before, seen.size()));
      for (String tag : client.snapshot().keySet()) {
        List<TagValue> ofTag = during.stream().filter(v -> v.ref().tag().equals(tag)).toList();
        int lost = 0;
        while (lost < ofTag.size() && ofTag.get(lost).quality().reason() != Quality.Reason.COMM_FAILURE) {
          lost++;
        }
        assertTrue(lost < ofTag.size(), tag + " was never reported lost: " + ofTag);
        TagValue back = ofTag.stream().skip(lost).filter(TagValue::isGood).findFirst().orElseThrow();
        assertTrue(back.serverTime().isAfter(fault.wallStart()), tag + " came back with " + back
            + ", older than the restart at " + fault.wallStart());
      }
      assertTrue(client.stats().subscriptionRebuilds() >= 2, client.stats().toString());
    }
  }

  private static void awaitAllGood(OpcUaPlcClient client, Duration bound) {
    await().atMost(bound).until(() -> client.snapshot().values().stream().allMatch(TagValue::isGood));
  }

  private static void assertAllCommFailure(OpcUaPlcClient client) {
    client.snapshot().values().forEach(v -> {
      assertEquals(Quality.Reason.COMM_FAILURE, v.quality().reason(), v.toString());
      assertNull(v.value(), "never the last good value: " + v);
    });
  }

  /** From the first bad value of the outage until the restart, listeners saw nothing good. */
  private static void assertNoGoodValueBetweenLossAndRestart(List<TagValue> sinceStop) {
    int firstLoss = 0;
    while (firstLoss < sinceStop.size() && sinceStop.get(firstLoss).quality().reason() != Quality.Reason.COMM_FAILURE) {
      firstLoss++;
    }
    assertTrue(firstLoss < sinceStop.size(), "the loss reached listeners: " + sinceStop);
    List<TagValue> outage = sinceStop.subList(firstLoss, sinceStop.size());
    assertTrue(outage.stream().noneMatch(TagValue::isGood), "a good value during the outage: " + outage);
  }
}
