package io.cellpilot.status.json;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.StatusService;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.testing.Mosquitto;
import io.cellpilot.status.testing.SampleEvents;
import io.cellpilot.status.testing.Subscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/mqtt-status.md is the operators' contract: every topic it documents must appear on a real broker, with a
 * payload of the documented shape (the same fields, nested the same way, the same JSON types), and nothing
 * undocumented may appear.
 */
class DocumentedTopicsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOPIC = Pattern.compile("^#### `(cellpilot/[^`]+)`.*?\\n```json\\n(.*?)\\n```",
      Pattern.MULTILINE | Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void everyDocumentedTopicAppearsWithTheDocumentedPayload() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "mqtt-status.md"));
    Map<String, JsonNode> documented = new LinkedHashMap<>();
    Matcher m = TOPIC.matcher(doc);
    while (m.find()) {
      String topic = m.group(1).replace("<site>", "plant1").replace("<cell>", "cell1").replace("<robotId>", "r1")
          .replace("<meter>", "main").replace("<model>", "inspection");
      documented.put(topic, JSON.readTree(m.group(2)));
    }

    InProcessEventBus bus = new InProcessEventBus();
    try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(dir.resolve("broker"))).start();
        Subscriber dashboard = new Subscriber(broker.uri(), "doc-dashboard", "cellpilot/#")) {
      StatusConfig config = StatusConfig.defaults("plant1", "cell1", dir).withPublishers(true, false);
      StatusService service = StatusService.start(config, MqttConfig.plain(broker.uri(), "doc"), bus, null,
          Clock.systemUTC());
      SampleEvents samples = new SampleEvents(1_700_000_000_000L);
      // Everything once, then a raised alarm and a pending review again so the lists are not empty.
      samples.everyType().forEach(bus::publish);
      samples.everyType().subList(5, 7).forEach(bus::publish);
      samples.energyTypes().forEach(bus::publish);
      await().atMost(10, SECONDS).until(() -> dashboard.matching(t -> t.contains("/events/")).size() == 14);
      service.close(); // the offline marker
      await().atMost(10, SECONDS).until(() -> dashboard.on("cellpilot/plant1/cell1/status").size() == 2);

      Map<String, JsonNode> seen = new LinkedHashMap<>();
      dashboard.all().forEach(r -> seen.put(r.topic(), JsonDiff.parse(r.payload())));
      String dump = System.getenv("CELLPILOT_DUMP_TOPICS"); // writes what was published, to refresh the examples
      if (dump != null) {
        StringBuilder out = new StringBuilder();
        seen.forEach((t, p) -> out.append(t).append('\n').append(p.toPrettyString()).append("\n\n"));
        Files.writeString(Path.of(dump), out);
      }
      assertTrue(documented.size() >= 18, "topics documented: " + documented.keySet());
      StringBuilder problems = new StringBuilder();
      for (Map.Entry<String, JsonNode> d : documented.entrySet()) {
        JsonNode actual = seen.get(d.getKey());
        if (actual == null) {
          problems.append("\nnever published: ").append(d.getKey());
        } else {
          JsonDiff.compare(d.getKey(), d.getValue(), actual, problems);
        }
      }
      TreeSet<String> undocumented = new TreeSet<>(seen.keySet());
      undocumented.removeAll(documented.keySet());
      undocumented.forEach(t -> problems.append("\nnot documented: ").append(t).append(" ").append(seen.get(t)));
      if (problems.length() > 0) {
        fail("docs/mqtt-status.md and the broker disagree:" + problems);
      }
      assertEquals(documented.keySet(), seen.keySet());
    }
  }

  /** Compares JSON shapes: field names, nesting, and types where both sides have a value. */
  static final class JsonDiff {
    static JsonNode parse(byte[] payload) {
      try {
        return JSON.readTree(payload);
      } catch (java.io.IOException e) {
        throw new AssertionError(new String(payload), e);
      }
    }

    static void compare(String path, JsonNode doc, JsonNode actual, StringBuilder problems) {
      if (doc.isNull() || actual.isNull()) {
        return;
      }
      if (doc.getNodeType() != actual.getNodeType()) {
        problems.append("\n").append(path).append(": documented ").append(doc.getNodeType()).append(", published ")
            .append(actual.getNodeType()).append(" ").append(actual);
        return;
      }
      if (doc.isObject()) {
        TreeSet<String> docFields = new TreeSet<>();
        doc.fieldNames().forEachRemaining(docFields::add);
        TreeSet<String> actualFields = new TreeSet<>();
        actual.fieldNames().forEachRemaining(actualFields::add);
        if (!docFields.equals(actualFields)) {
          problems.append("\n").append(path).append(": documented fields ").append(docFields).append(", published ")
              .append(actualFields).append(" in ").append(actual);
          return;
        }
        for (Iterator<String> it = docFields.iterator(); it.hasNext();) {
          String f = it.next();
          compare(path + "." + f, doc.get(f), actual.get(f), problems);
        }
      } else if (doc.isArray() && doc.size() > 0 && actual.size() > 0) {
        compare(path + "[0]", doc.get(0), actual.get(0), problems);
      }
    }
  }
}
