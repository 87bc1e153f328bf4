package io.cellpilot.status.fault;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellpilot.status.testing.ChildJvm;
import io.cellpilot.status.testing.Mosquitto;
import io.cellpilot.status.testing.StatusPublisherChild;
import io.cellpilot.status.testing.Subscriber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path under faults: a publisher JVM streams part events through the outbox to mosquitto; the broker is
 * stopped and restarted eight times while events keep coming, and once, with events waiting in the outbox, the
 * publisher is SIGKILLed and a new one takes over its data folder. A dashboard with a persistent session must end with
 * every event exactly once after dropping duplicates by event id, in the order the cell produced them.
 *
 * <p>The broker is stopped with SIGTERM: mosquitto writes its queued messages to disk only then (or at autosave), so a
 * SIGKILLed broker loses messages it already acknowledged, which no publisher can prevent.
 */
class BrokerAndPublisherFaultTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RESTARTS = 8;
  private static final int KILL_AT = 4;

  @TempDir Path dir;

  @Test
  void everyEventArrivesExactlyOnceInOrderAcrossBrokerRestartsAndAPublisherCrash() throws Exception {
    Path brokerDir = dir.resolve("broker");
    java.nio.file.Files.createDirectories(brokerDir);
    Path data = dir.resolve("controller");
    List<ChildJvm> publishers = new ArrayList<>();
    try (Mosquitto broker = new Mosquitto(brokerDir, List.of("persistence true",
            "persistence_location " + brokerDir + "/", "autosave_interval 3600")).start();
        Subscriber dashboard = new Subscriber(broker.uri(), "fault-dashboard", false,
            "cellpilot/plant1/fault/events/part-inspected")) {
      publishers.add(publisher(data, broker, 6000));
      int restarts = 0;
      for (int k = 0; k < RESTARTS; k++) {
        int seen = dashboard.all().size();
        System.out.printf("restart %d: dashboard has %d messages, publisher reported %d events%n", k, seen,
            publishers.get(publishers.size() - 1).lineCount());
        await().atMost(30, SECONDS).until(() -> dashboard.all().size() >= seen + 150);
        broker.stop();
        restarts++;
        await().atMost(10, SECONDS).until(() -> !dashboard.isConnected());
        ChildJvm current = publishers.get(publishers.size() - 1);
        int produced = current.lineCount();
        // Events keep coming while the broker is down: they wait in the outbox.
        await().atMost(30, SECONDS).until(() -> current.lineCount() >= produced + 150);
        if (k == KILL_AT) {
          current.kill();
          publishers.add(publisher(data, broker, 3000));
        }
        broker.start();
        dashboard.connect(false);
      }
      ChildJvm last = publishers.get(publishers.size() - 1);
      await().atMost(60, SECONDS).until(() -> last.lines().contains("done"));

      List<String> produced = new ArrayList<>();
      publishers.forEach(p -> p.lines().stream().filter(l -> !l.equals("done")).forEach(produced::add));
      Set<String> expected = new HashSet<>(produced);
      await().atMost(60, SECONDS).until(() -> receivedIds(dashboard).containsAll(expected));

      List<String> received = new ArrayList<>();
      for (Subscriber.Received r : dashboard.all()) {
        received.add(JSON.readTree(r.payload()).get("eventId").asText());
      }
      LinkedHashSet<String> firstSeen = new LinkedHashSet<>(received);
      List<String> inOrder = firstSeen.stream().filter(expected::contains).toList();
      long lost = produced.stream().filter(id -> !firstSeen.contains(id)).count();
      long duplicates = received.size() - firstSeen.size();
      System.out.printf("fault test: events %d, broker restarts %d, publisher SIGKILLs %d, received %d, lost %d,"
          + " duplicates %d (dropped by event id), out of order %s%n", produced.size(), restarts,
          publishers.size() - 1, received.size(), lost, duplicates, !inOrder.equals(produced));
      assertEquals(0, lost);
      assertEquals(produced, inOrder, "after de-duplication the dashboard saw the events in the cell's order");
      assertTrue(restarts == RESTARTS && publishers.size() == 2);
    } finally {
      publishers.forEach(ChildJvm::kill);
    }
  }

  private ChildJvm publisher(Path data, Mosquitto broker, int count) {
    return ChildJvm.start(StatusPublisherChild.class, dir.resolve("publisher.log"), data.toString(), broker.uri(),
        "fault", "400", Integer.toString(count));
  }

  private static Set<String> receivedIds(Subscriber sub) {
    Set<String> ids = new HashSet<>();
    for (Subscriber.Received r : sub.all()) {
      try {
        ids.add(JSON.readTree(r.payload()).get("eventId").asText());
      } catch (java.io.IOException e) {
        throw new AssertionError(r.text(), e);
      }
    }
    return ids;
  }
}
