package io.cellpilot.status.json;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.status.CommandGateway;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.StatusService;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.testing.Mosquitto;
import io.cellpilot.status.testing.SampleEvents;
import io.cellpilot.status.testing.Subscriber;
import io.cellpilot.status.testing.TestOperators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonStatusPublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path brokerDir;
  static Mosquitto broker;

  @TempDir Path data;

  @BeforeAll
  static void startBroker() {
    broker = Mosquitto.plain(brokerDir).start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private StatusService start(String cell, InProcessEventBus bus, TestOperators ops) throws Exception {
    StatusConfig config = StatusConfig.defaults("plant1", cell, data).withPublishers(true, false);
    CommandGateway gateway = new CommandGateway(ops, ops, ops, Clock.systemUTC());
    return StatusService.start(config, MqttConfig.plain(broker.uri(), "cp-" + cell), bus, gateway,
        Clock.systemUTC());
  }

  @Test
  void everyEventTypeAppearsAsAnEventAndAsRetainedState() throws Exception {
    InProcessEventBus bus = new InProcessEventBus();
    TestOperators ops = new TestOperators();
    try (Subscriber sub = new Subscriber(broker.uri(), "dash-1", "cellpilot/plant1/c1/#");
        StatusService service = start("c1", bus, ops)) {
      await().atMost(10, SECONDS).until(() -> !sub.on("cellpilot/plant1/c1/status").isEmpty());
      assertTrue(json(sub.on("cellpilot/plant1/c1/status").get(0)).get("online").asBoolean());
      List<CellEvent> events = new SampleEvents(1_700_000_000_000L).everyType();
      events.forEach(bus::publish);
      await().atMost(10, SECONDS).until(() -> sub.matching(t -> t.contains("/events/")).size() == events.size());

      List<Subscriber.Received> eventMessages = sub.matching(t -> t.contains("/events/"));
      for (int i = 0; i < events.size(); i++) {
        CellEvent e = events.get(i);
        Subscriber.Received r = eventMessages.get(i);
        assertEquals("cellpilot/plant1/c1/events/" + e.type(), r.topic());
        assertFalse(r.retained());
        JsonNode n = json(r);
        assertEquals(e.eventId(), n.get("eventId").asText());
        assertEquals(e.time().toString(), n.get("time").asText());
        assertEquals(e.type(), n.get("type").asText());
      }
      Map<String, JsonNode> state = latestByTopic(sub);
      assertEquals("RUNNING", state.get("cellpilot/plant1/c1/state/line").get("state").asText());
      assertEquals("ACTIVE", state.get("cellpilot/plant1/c1/state/robot/r1").get("driverState").asText());
      assertEquals("PICKED",
          state.get("cellpilot/plant1/c1/state/robot/r1").get("lastReject").get("outcome").asText());
      assertEquals(1, state.get("cellpilot/plant1/c1/state/inspection").get("counts").get("rejected").asLong());
      assertEquals("DEFECT", state.get("cellpilot/plant1/c1/state/inspection").get("last").get("verdict").asText());
      assertEquals(0, state.get("cellpilot/plant1/c1/state/alarms").get("count").asInt());
      assertEquals(0, state.get("cellpilot/plant1/c1/state/reviews").get("size").asInt());
      assertTrue(state.get("cellpilot/plant1/c1/state/energy/main").get("energyPerPartWh").isNull(),
          "unknown numbers are null, not NaN");
      assertEquals("2026.11.3", state.get("cellpilot/plant1/c1/state/model/inspection").get("version").asText());

      // A dashboard that connects later gets every state topic retained.
      try (Subscriber late = new Subscriber(broker.uri(), "dash-late", "cellpilot/plant1/c1/state/#")) {
        await().atMost(10, SECONDS).until(() -> late.all().size() == 7);
        assertTrue(late.all().stream().allMatch(Subscriber.Received::retained));
      }
    }
  }

  @Test
  void theWillMarksTheCellOfflineWhenTheConnectionDrops() throws Exception {
    InProcessEventBus bus = new InProcessEventBus();
    try (Subscriber sub = new Subscriber(broker.uri(), "dash-2", "cellpilot/plant1/c2/status")) {
      StatusService service = start("c2", bus, new TestOperators());
      await().atMost(10, SECONDS).until(() -> online(sub).equals(List.of(true)));
      service.close();
      await().atMost(10, SECONDS).until(() -> online(sub).equals(List.of(true, false)));
      // The retained marker a dashboard finds on connecting says offline.
      try (Subscriber late = new Subscriber(broker.uri(), "dash-2b", "cellpilot/plant1/c2/status")) {
        await().atMost(10, SECONDS).until(() -> online(late).equals(List.of(false)));
      }
    }
  }

  @Test
  void commandsAreAuthenticatedRoleCheckedAuditedAndAnswered() throws Exception {
    InProcessEventBus bus = new InProcessEventBus();
    TestOperators ops = new TestOperators();
    try (Subscriber sub = new Subscriber(broker.uri(), "dash-3", "cellpilot/plant1/c3/cmd/result", "replies/ann");
        StatusService service = start("c3", bus, ops)) {
      await().atMost(10, SECONDS).until(() -> service.stats().json().connected());
      String base = "cellpilot/plant1/c3/cmd/";
      send(sub, base + "pause-line", "{\"user\":\"ann\",\"token\":\"ann-token\",\"requestId\":\"1\"}");
      send(sub, base + "reset-alarm", "{\"user\":\"vic\",\"token\":\"vic-token\",\"requestId\":\"2\","
          + "\"alarmId\":\"health/press\"}");
      send(sub, base + "resume-line", "{\"user\":\"ann\",\"token\":\"wrong\",\"requestId\":\"3\"}");
      send(sub, base + "resolve-review", "{\"user\":\"ann\",\"token\":\"ann-token\",\"requestId\":\"4\"}");
      send(sub, base + "open-door", "{\"user\":\"ann\",\"token\":\"ann-token\",\"requestId\":\"5\"}");
      send(sub, base + "pause-line", "not json");
      MqttProperties props = new MqttProperties();
      props.setResponseTopic("replies/ann");
      props.setCorrelationData(new byte[] {42});
      MqttMessage request = new MqttMessage(("{\"user\":\"ann\",\"token\":\"ann-token\",\"partId\":\"P-7\","
          + "\"label\":\"good\"}").getBytes(StandardCharsets.UTF_8), 1, false, props);
      sub.client().publish(base + "resolve-review", request);

      await().atMost(10, SECONDS).until(() -> sub.all().size() == 7);
      Map<String, String> byRequest = new TreeMap<>();
      for (Subscriber.Received r : sub.on("cellpilot/plant1/c3/cmd/result")) {
        JsonNode n = json(r);
        byRequest.put(n.get("requestId").asText(), n.get("status").asText());
      }
      assertEquals(Map.of("1", "OK", "2", "DENIED", "3", "DENIED", "4", "REJECTED", "5", "REJECTED", "null",
          "REJECTED"), byRequest);
      Subscriber.Received reply = sub.on("replies/ann").get(0);
      assertEquals("OK", json(reply).get("status").asText());
      assertEquals(42, reply.message().getProperties().getCorrelationData()[0]);
      assertEquals(List.of("pause-line by ann via mqtt", "resolve-review P-7=good by ann via mqtt"), ops.calls);
      // Every command left an audit line, including the ones refused before reaching the commands.
      assertEquals(7, ops.audit.size(), ops.audit.toString());
      assertTrue(ops.audit.contains("ann mqtt resume-line denied: unknown user or wrong token"), ops.audit.toString());
      assertTrue(ops.audit.stream().anyMatch(a -> a.startsWith("ann mqtt open-door rejected: unknown command")));
    }
  }

  private static void send(Subscriber sub, String topic, String payload) throws Exception {
    sub.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  private static List<Boolean> online(Subscriber sub) {
    return sub.all().stream().map(r -> json(r).get("online").asBoolean()).toList();
  }

  static Map<String, JsonNode> latestByTopic(Subscriber sub) {
    Map<String, JsonNode> out = new TreeMap<>();
    sub.all().forEach(r -> out.put(r.topic(), json(r)));
    return out;
  }

  static JsonNode json(Subscriber.Received r) {
    try {
      return JSON.readTree(r.payload());
    } catch (java.io.IOException e) {
      throw new AssertionError(r.topic() + " is not JSON: " + r.text(), e);
    }
  }
}
