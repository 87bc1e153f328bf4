package io.cellpilot.status.sparkplug;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cellpilot.events.PartInspected;
import io.cellpilot.status.EventLog;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.outbox.Outbox;
import io.cellpilot.status.testing.Mosquitto;
import io.cellpilot.status.testing.SampleEvents;
import io.cellpilot.status.testing.Subscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.model.MetricDataTypeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures the edge node's births, historical replay and live data from a real broker and decodes them with the npm
 * {@code sparkplug-payload} package ({@code interop/sparkplug/decode.js}); every metric must match Tahu's decoding.
 */
class SparkplugInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void theNpmSparkplugPayloadPackageDecodesWhatTahuDecodes() throws Exception {
    Path script = interopFolder().resolve("decode.js");
    try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(dir.resolve("broker"))).start();
        Subscriber host = new Subscriber(broker.uri(), "npm-host", "spBv1.0/#");
        Outbox outbox = Outbox.open(StatusConfig.defaults("plant1", "npm", dir).outbox())) {
      SampleEvents samples = new SampleEvents(1_700_000_000_000L);
      samples.everyType().forEach(e -> EventLog.append(outbox, e)); // replayed as historical after the births
      StatusConfig config = StatusConfig.defaults("plant1", "npm", dir).withPublishers(false, true);
      try (SparkplugEdgeNode node = new SparkplugEdgeNode(config, MqttConfig.plain(broker.uri(), "cp-npm"), outbox,
          null, Clock.systemUTC()).start()) {
        await().atMost(10, SECONDS).until(() -> node.stats().historicalMessages() >= 9);
        EventLog.append(outbox, samples.part(PartInspected.Verdict.UNCERTAIN, PartInspected.Action.REVIEW));
        await().atMost(10, SECONDS).until(() -> node.stats().dataMessages() >= 1);
      }
      await().atMost(10, SECONDS).until(() -> host.all().stream().anyMatch(r -> r.topic().contains("NDEATH")));

      Path captured = Files.createDirectories(dir.resolve("captured"));
      ArrayNode manifest = JSON.createArrayNode();
      List<Subscriber.Received> messages = host.all();
      for (int i = 0; i < messages.size(); i++) {
        String file = i + ".bin";
        Files.write(captured.resolve(file), messages.get(i).payload());
        manifest.addObject().put("file", file).put("topic", messages.get(i).topic());
      }
      Files.writeString(captured.resolve("manifest.json"), manifest.toString());

      Process node = new ProcessBuilder("node", script.toString(), captured.toString())
          .redirectError(dir.resolve("node.err").toFile()).start();
      byte[] out = node.getInputStream().readAllBytes();
      assertTrue(node.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, node.exitValue(), () -> "node failed: " + read(dir.resolve("node.err")));
      JsonNode decoded = JSON.readTree(out);
      assertEquals(messages.size(), decoded.size());

      int metrics = 0;
      for (int i = 0; i < messages.size(); i++) {
        SparkplugBPayload tahu = new SparkplugBPayloadDecoder().buildFromByteArray(messages.get(i).payload(),
            new MetricDataTypeMap());
        JsonNode npm = decoded.get(i);
        String where = messages.get(i).topic();
        assertEquals(tahu.getSeq() == null ? null : tahu.getSeq(), npm.get("seq").isNull() ? null
            : npm.get("seq").asLong(), where + " seq");
        assertEquals(tahu.getTimestamp().getTime(), npm.get("timestamp").asLong(), where + " timestamp");
        assertEquals(tahu.getMetrics().size(), npm.get("metrics").size(), where);
        for (int m = 0; m < tahu.getMetrics().size(); m++) {
          Metric t = tahu.getMetrics().get(m);
          JsonNode n = npm.get("metrics").get(m);
          String what = where + " metric " + m + " " + t;
          assertEquals(t.hasName() ? t.getName() : null, n.get("name").isNull() ? null : n.get("name").asText(), what);
          assertEquals(t.getAlias(), n.get("alias").isNull() ? null : n.get("alias").asLong(), what);
          assertEquals(t.getDataType().toString(), n.get("type").asText(), what);
          assertEquals(Boolean.TRUE.equals(t.isHistorical()), n.get("isHistorical").asBoolean(), what);
          assertValue(t.getValue(), n.get("value"), what);
          metrics++;
        }
      }
      System.out.printf("npm sparkplug-payload decoded %d messages, %d metrics, all equal to Tahu's%n",
          messages.size(), metrics);
      assertTrue(messages.stream().anyMatch(r -> r.topic().contains("/DDATA/")));
    }
  }

  private static void assertValue(Object tahu, JsonNode npm, String what) {
    if (tahu == null) {
      assertTrue(npm.isNull(), what);
    } else if (tahu instanceof Number number) {
      assertEquals(number.doubleValue(), npm.asDouble(), 1e-9, what);
    } else if (tahu instanceof Boolean b) {
      assertEquals(b, npm.asBoolean(), what);
    } else {
      assertEquals(tahu.toString(), npm.asText(), what);
    }
  }

  /** interop/sparkplug with its node_modules, or skip (fail when CELLPILOT_INTEROP=required). */
  static Path interopFolder() throws Exception {
    Path folder = Path.of("..", "interop", "sparkplug").toAbsolutePath().normalize();
    String missing = null;
    if (!Files.isDirectory(folder.resolve("node_modules").resolve("sparkplug-payload"))) {
      missing = "interop/sparkplug/node_modules is missing (run: cd interop/sparkplug && npm ci)";
    } else {
      try {
        Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
          missing = "node does not run";
        }
      } catch (java.io.IOException e) {
        missing = "node is not installed (apt-get install -y nodejs npm)";
      }
    }
    if (missing != null) {
      if ("required".equals(System.getenv("CELLPILOT_INTEROP"))) {
        throw new IllegalStateException(missing + " and CELLPILOT_INTEROP=required");
      }
      Assumptions.abort(missing + "; skipping the npm sparkplug-payload interop check");
    }
    return folder;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
