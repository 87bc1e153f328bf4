package io.cellpilot.controller.ingest;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.ingest.TopicMapping.ValueKind;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.Quality;
import io.cellpilot.controller.state.TagMaxAges;
import io.cellpilot.controller.support.Mqtt;
import io.cellpilot.sim.broker.EmbeddedMqttBroker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MqttIngestSourceTest {
  private static EmbeddedMqttBroker broker;
  private static ScheduledExecutorService scheduler;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedMqttBroker.builder().build().start();
    scheduler = Executors.newScheduledThreadPool(1);
  }

  @AfterAll
  static void stopBroker() {
    scheduler.shutdownNow();
    broker.close();
  }

  private static MqttIngestSource source(String id, CellState state) {
    List<TopicMapping> mappings = List.of(
        new TopicMapping("vibration", id + "/+/vibration", "/value", ValueKind.NUMBER, "{1}.vibration",
            "/timestamp", Duration.ofSeconds(10)),
        new TopicMapping("power", id + "/meters/+", "/activePowerKw", ValueKind.NUMBER, "meter.{1}.power",
            "/timestamp", Duration.ofSeconds(10)));
    MqttIngestSource source = new MqttIngestSource(id, new MqttEndpoint(URI.create(broker.uri()), id + "-ingest",
        null, null), mappings, 1, Clock.systemUTC(), scheduler);
    source.start(state);
    await().atMost(10, SECONDS).until(() -> source.connection().connected());
    return source;
  }

  private static CellState state() {
    return new CellState(Clock.systemUTC(), new TagMaxAges(Duration.ofSeconds(10)));
  }

  @Test
  void mappedTopicsBecomeTagsAndMalformedMessagesAreCountedPerTopicWhileGoodTagsKeepFlowing() throws Exception {
    CellState state = state();
    try (MqttIngestSource source = source("a", state); Mqtt pub = new Mqtt(broker.uri(), "pub-a")) {
      for (int i = 1; i <= 20; i++) {
        pub.json("a/press/vibration", "{\"value\":" + i + ".5,\"timestamp\":\"2030-01-01T00:00:00Z\"}");
        pub.json("a/conveyor/vibration", "{\"value\": \"loud\"}");
        pub.json("a/conveyor/vibration", "{not json");
        pub.json("a/meters/main", "{\"activePowerKw\":" + i + "}");
      }
      pub.json("a/meters/main", "{\"activePowerKw\":NaN}");
      await().atMost(10, SECONDS).until(() -> source.stats().messages() == 81);
      assertEquals(20.5, state.read("press.vibration").value().orElseThrow());
      assertEquals(20.0, state.read("meter.main.power").value().orElseThrow());
      IngestStats stats = source.stats();
      assertEquals(41, stats.malformed());
      assertEquals(Map.of("a/conveyor/vibration", 40L, "a/meters/main", 1L), stats.malformedByTopic());
      assertTrue(state.read("conveyor.vibration").value().isEmpty(), "nothing malformed reached the state");
    }
  }

  @Test
  void afterTheBrokerRestartsTheSourceResubscribesAndTagsReadBadMeanwhile() throws Exception {
    CellState state = state();
    try (MqttIngestSource source = source("b", state)) {
      try (Mqtt pub = new Mqtt(broker.uri(), "pub-b1")) {
        pub.json("b/press/vibration", "{\"value\":1.0}");
      }
      await().atMost(10, SECONDS).until(() -> state.read("press.vibration").fresh());

      broker.stop();
      await().atMost(20, SECONDS).until(() -> !source.connection().connected());
      assertEquals(Quality.BAD, state.read("press.vibration").last().quality());
      assertTrue(state.read("press.vibration").stale());

      broker.start();
      await().atMost(60, SECONDS).until(() -> source.connection().connected());
      try (Mqtt pub = new Mqtt(broker.uri(), "pub-b2")) {
        pub.json("b/press/vibration", "{\"value\":2.0}");
      }
      await().atMost(10, SECONDS).until(() -> state.read("press.vibration").fresh());
      assertEquals(2.0, state.read("press.vibration").value().orElseThrow());
    }
  }
}
