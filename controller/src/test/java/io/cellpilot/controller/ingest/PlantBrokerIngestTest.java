package io.cellpilot.controller.ingest;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.ingest.TopicMapping.ValueKind;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.Quality;
import io.cellpilot.controller.state.TagMaxAges;
import io.cellpilot.controller.support.Mosquitto;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest against a broker nobody here wrote (Mosquitto), as a plant broker with a user and password. */
class PlantBrokerIngestTest {
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final CellState state = new CellState(Clock.systemUTC(), new TagMaxAges(Duration.ofSeconds(10)));

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private MqttIngestSource source(Mosquitto broker, String password) {
    MqttIngestSource source = new MqttIngestSource("plant", new MqttEndpoint(URI.create(broker.uri()),
        "cellpilot-plant-" + System.nanoTime(), "cellpilot", password),
        List.of(new TopicMapping("temp", "plant/+/bearing-temperature", "/value", ValueKind.NUMBER,
            "{1}.bearing-temperature", "/timestamp", Duration.ofSeconds(10))),
        1, Clock.systemUTC(), scheduler);
    source.start(state);
    return source;
  }

  private static void publish(Mosquitto broker, String topic, String json) throws Exception {
    MqttClient client = new MqttClient(broker.uri(), "sensor-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName("cellpilot");
    options.setPassword("line2-secret".getBytes(StandardCharsets.UTF_8));
    client.connect(options);
    client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
    client.disconnect();
    client.close();
  }

  @Test
  void valuesFlowWithTheRightPasswordAndAWrongOneIsReportedAndRetried(@TempDir Path dir) throws Exception {
    try (Mosquitto broker = Mosquitto.start(dir, "cellpilot", "line2-secret");
        MqttIngestSource wrong = source(broker, "not-the-password");
        MqttIngestSource right = source(broker, "line2-secret")) {
      await().atMost(15, SECONDS).until(() -> right.connection().connected());
      publish(broker, "plant/press/bearing-temperature", "{\"value\":41.7,\"unit\":\"degC\"}");
      await().atMost(10, SECONDS).until(() -> state.read("press.bearing-temperature").fresh());
      assertEquals(41.7, state.read("press.bearing-temperature").value().orElseThrow());
      assertTrue(!wrong.connection().connected() && wrong.connection().detail().contains("connect failed"),
          wrong.connection().detail());
    }
  }

  @Test
  void afterTheBrokerIsKilledAndRestartedTheSourceResubscribesOnItsOwn(@TempDir Path dir) throws Exception {
    try (Mosquitto broker = Mosquitto.start(dir, "cellpilot", "line2-secret");
        MqttIngestSource source = source(broker, "line2-secret")) {
      await().atMost(15, SECONDS).until(() -> source.connection().connected());
      publish(broker, "plant/press/bearing-temperature", "{\"value\":40.0}");
      await().atMost(10, SECONDS).until(() -> state.read("press.bearing-temperature").fresh());

      broker.kill();
      await().atMost(30, SECONDS).until(() -> !source.connection().connected()
          && state.read("press.bearing-temperature").last().quality() == Quality.BAD);
      broker.restart();
      await().atMost(60, SECONDS).until(() -> source.connection().connected());
      publish(broker, "plant/press/bearing-temperature", "{\"value\":43.5}");
      await().atMost(10, SECONDS).until(() -> state.read("press.bearing-temperature").fresh());
      assertEquals(43.5, state.read("press.bearing-temperature").value().orElseThrow());
    }
  }
}
