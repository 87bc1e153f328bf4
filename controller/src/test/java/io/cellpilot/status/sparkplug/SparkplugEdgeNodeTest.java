package io.cellpilot.status.sparkplug;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.events.CellEvent;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.PartInspected;
import io.cellpilot.status.CommandGateway;
import io.cellpilot.status.EventLog;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.outbox.Outbox;
import io.cellpilot.status.testing.Mosquitto;
import io.cellpilot.status.testing.SampleEvents;
import io.cellpilot.status.testing.Subscriber;
import io.cellpilot.status.testing.TestOperators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.model.MetricDataTypeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge node against a real broker, every payload decoded with Eclipse Tahu's decoder. */
class SparkplugEdgeNodeTest {
  @TempDir static Path brokerDir;
  static Mosquitto broker;

  @TempDir Path data;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final SampleEvents samples = new SampleEvents(1_700_000_000_000L);

  @BeforeAll
  static void startBroker() {
    broker = Mosquitto.plain(brokerDir).start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  /** A decoded Sparkplug message. */
  record Spb(String topic, SparkplugBPayload payload) {
    String type() {
      return topic.split("/")[2];
    }

    Metric metric(String name) {
      return payload.getMetrics().stream().filter(m -> name.equals(m.getName())).findFirst().orElse(null);
    }

    long bdSeq() {
      return (Long) metric("bdSeq").getValue();
    }
  }

  static List<Spb> decoded(Subscriber sub) {
    List<Spb> out = new ArrayList<>();
    for (Subscriber.Received r : sub.matching(t -> t.startsWith("spBv1.0/") && !t.startsWith("spBv1.0/STATE"))) {
      try {
        out.add(new Spb(r.topic(), new SparkplugBPayloadDecoder().buildFromByteArray(r.payload(),
            new MetricDataTypeMap())));
      } catch (Exception e) {
        throw new AssertionError(r.topic() + " does not decode with Tahu", e);
      }
    }
    return out;
  }

  static List<Spb> ofType(Subscriber sub, String type) {
    return decoded(sub).stream().filter(s -> s.type().equals(type)).toList();
  }

  private Outbox outbox(Path dir) throws Exception {
    Outbox o = Outbox.open(StatusConfig.defaults("plant1", "x", dir).outbox());
    open.add(o);
    return o;
  }

  private SparkplugEdgeNode node(String cell, Outbox outbox, Path dir, String host, TestOperators ops) {
    StatusConfig config = StatusConfig.defaults("plant1", cell, dir).withPublishers(false, true).withPrimaryHost(host);
    CommandGateway gateway = ops == null ? null : new CommandGateway(ops, ops, ops, Clock.systemUTC());
    SparkplugEdgeNode node = new SparkplugEdgeNode(config, MqttConfig.plain(broker.uri(), "cp-" + cell), outbox,
        gateway, Clock.systemUTC());
    open.add(node);
    return node.start();
  }

  /**
   * Paho's per-subscription listeners do not let {@code #} match its parent level ({@code a/+/n1/#} misses
   * {@code a/NBIRTH/n1}), so the tests subscribe to the whole group: each test has its own edge node id.
   */
  private Subscriber subscriber(String id, String... filters) throws Exception {
    Subscriber s = new Subscriber(broker.uri(), id, filters);
    open.add(s);
    return s;
  }

  @Test
  void birthsDeclareEveryMetricWithAliasAndDatatypeAndDataComesByException() throws Exception {
    Subscriber sub = subscriber("host-1", "spBv1.0/plant1/#");
    Outbox outbox = outbox(data);
    List<CellEvent> events = samples.everyType();
    events.forEach(e -> EventLog.append(outbox, e));
    node("n1", outbox, data, null, null);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "DBIRTH").size() == 4);

    Spb nbirth = ofType(sub, "NBIRTH").get(0);
    assertEquals(0L, nbirth.payload().getSeq(), "tck-id-topics-nbirth-seq-num");
    assertEquals(MetricDataType.Int64, nbirth.metric("bdSeq").getDataType());
    assertEquals(Boolean.FALSE, nbirth.metric("Node Control/Rebirth").getValue());
    assertEquals(MetricDataType.Boolean, nbirth.metric("Node Control/Rebirth").getDataType());
    List<Long> aliases = new ArrayList<>();
    for (Spb birth : decoded(sub).stream().filter(s -> s.type().endsWith("BIRTH")).toList()) {
      for (Metric m : birth.payload().getMetrics()) {
        assertTrue(m.hasName() && m.hasAlias(), birth.topic() + " " + m);
        assertFalse(m.getDataType().equals(MetricDataType.Unknown));
        aliases.add(m.getAlias());
      }
    }
    assertEquals(aliases.size(), aliases.stream().distinct().count(), "aliases unique across node and devices");
    List<String> devices = ofType(sub, "DBIRTH").stream().map(s -> s.topic().split("/")[4]).toList();
    assertEquals(List.of("line", "robot", "inspection", "energy"), devices);
    List<Long> seqs = decoded(sub).stream().map(s -> s.payload().getSeq()).limit(5).toList();
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seqs);
    // The births carry the newest state; the events that waited are replayed as history with their own times.
    Spb line = ofType(sub, "DBIRTH").get(0);
    assertEquals("RUNNING", line.metric("State").getValue());
    await().atMost(10, SECONDS).until(() -> ofType(sub, "DDATA").size() + ofType(sub, "NDATA").size() >= 9);
    List<Spb> history = decoded(sub).stream().filter(s -> s.type().endsWith("DATA")).toList();
    for (Spb h : history) {
      for (Metric m : h.payload().getMetrics()) {
        assertTrue(m.isHistorical(), h.topic() + " " + m);
        assertFalse(m.hasName(), "data uses aliases only");
      }
    }
    assertEquals(Date.from(events.get(0).time()), history.get(0).payload().getMetrics().get(0).getTimestamp());

    // Live: only what changed, not historical.
    sub.clear();
    EventLog.append(outbox, samples.part(PartInspected.Verdict.GOOD, PartInspected.Action.PASS));
    await().atMost(10, SECONDS).until(() -> ofType(sub, "DDATA").size() == 1);
    Spb ddata = ofType(sub, "DDATA").get(0);
    assertEquals("spBv1.0/plant1/DDATA/n1/inspection", ddata.topic());
    assertTrue(ddata.payload().getMetrics().stream().noneMatch(Metric::isHistorical));
    // inspected, good, part id, verdict, defect type, action, event id changed; rejected/score/threshold did not
    assertEquals(7, ddata.payload().getMetrics().size(), ddata.payload().toString());
  }

  @Test
  void aRebirthRequestRepeatsTheBirthsWithTheSameBdSeqAndSeqZero() throws Exception {
    Subscriber sub = subscriber("host-2", "spBv1.0/plant1/#");
    Outbox outbox = outbox(data);
    SparkplugEdgeNode node = node("n2", outbox, data, null, null);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "DBIRTH").size() == 4);
    EventLog.append(outbox, samples.everyType().get(0));
    await().atMost(10, SECONDS).until(() -> ofType(sub, "DDATA").size() == 1);
    long bdSeq = ofType(sub, "NBIRTH").get(0).bdSeq();

    sub.publish("spBv1.0/plant1/NCMD/n2", ncmd(Map.of("Node Control/Rebirth", true)), 0, false);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NBIRTH").size() == 2);
    Spb rebirth = ofType(sub, "NBIRTH").get(1);
    assertEquals(0L, rebirth.payload().getSeq());
    assertEquals(bdSeq, rebirth.bdSeq(), "tck-id-operational-behavior-data-commands-rebirth-action-3");
    assertEquals(2, node.stats().births());
  }

  @Test
  void theWillCarriesTheBdSeqOfItsBirthWhichSurvivesRestartsAndWraps() throws Exception {
    Subscriber sub = subscriber("host-3", "spBv1.0/plant1/#");
    Files.writeString(data.resolve("sparkplug-bdseq"), "254");
    Outbox outbox = outbox(data);
    SparkplugEdgeNode node = node("n3", outbox, data, null, null);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NBIRTH").size() == 1);
    node.cutConnection(); // a network cut: the broker publishes the will
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NDEATH").size() == 1 && ofType(sub, "NBIRTH").size() == 2);
    node.cutConnection();
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NDEATH").size() == 2 && ofType(sub, "NBIRTH").size() == 3);
    node.close(); // intentional: NDEATH before DISCONNECT
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NDEATH").size() == 3);

    List<Long> births = ofType(sub, "NBIRTH").stream().map(Spb::bdSeq).toList();
    List<Long> deaths = ofType(sub, "NDEATH").stream().map(Spb::bdSeq).toList();
    assertEquals(List.of(254L, 255L, 0L), births, "bdSeq goes up by one per CONNECT and wraps 255 -> 0");
    assertEquals(births, deaths, "each NDEATH carries the bdSeq of the NBIRTH it follows");
    ofType(sub, "NDEATH").forEach(d -> assertNull(d.payload().getSeq(), "NDEATH has no seq"));

    // A new process continues from the saved value.
    SparkplugEdgeNode again = node("n3", outbox, data, null, null);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NBIRTH").size() == 4);
    assertEquals(1L, ofType(sub, "NBIRTH").get(3).bdSeq());
    again.close();
  }

  @Test
  void seqWrapsFrom255ToZeroAcrossTheNodesMessages() throws Exception {
    Subscriber sub = subscriber("host-4", "spBv1.0/plant1/#");
    Outbox outbox = outbox(data);
    node("n4", outbox, data, null, null);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "DBIRTH").size() == 4);
    for (int i = 0; i < 300; i++) {
      EventLog.append(outbox, new LineStateChanged("id-" + i, java.time.Instant.now(), i % 2 == 0 ? "RUNNING"
          : "STOPPED", false, ""));
    }
    await().atMost(20, SECONDS).until(() -> decoded(sub).size() == 305);
    List<Long> seqs = decoded(sub).stream().map(s -> s.payload().getSeq()).toList();
    for (int i = 0; i < seqs.size(); i++) {
      assertEquals(i % 256, seqs.get(i), "message " + i);
    }
  }

  @Test
  void theNodeWaitsForThePrimaryHostAndRebirthsWhenItComesBack() throws Exception {
    Subscriber sub = subscriber("host-5", "spBv1.0/plant1/#");
    Outbox outbox = outbox(data);
    EventLog.append(outbox, samples.everyType().get(0));
    SparkplugEdgeNode node = node("n5", outbox, data, "scada", null);
    await().atMost(10, SECONDS).until(() -> node.stats().connects() == 1);
    assertTrue(ofType(sub, "NBIRTH").isEmpty(), "no birth before the primary host is online");

    sub.publish("spBv1.0/STATE/scada", state(true, 1000), 1, true);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NBIRTH").size() == 1);
    // An offline STATE older than the online one is ignored (tck-id-...-termination-host-offline-timestamp).
    sub.publish("spBv1.0/STATE/scada", state(false, 999), 1, true);
    sub.publish("spBv1.0/STATE/scada", state(false, 2000), 1, true);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NDEATH").size() == 1);
    assertEquals(ofType(sub, "NBIRTH").get(0).bdSeq(), ofType(sub, "NDEATH").get(0).bdSeq());
    sub.publish("spBv1.0/STATE/scada", state(true, 3000), 1, true);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NBIRTH").size() == 2);
    assertEquals(ofType(sub, "NBIRTH").get(0).bdSeq() + 1, ofType(sub, "NBIRTH").get(1).bdSeq());
    sub.publish("spBv1.0/STATE/scada", new byte[0], 1, true); // clear the retained STATE for other tests
  }

  @Test
  void aSparkplug22HostsLegacyStateTextIsUnderstoodToo() throws Exception {
    Subscriber sub = subscriber("host-6", "spBv1.0/plant1/#");
    Outbox outbox = outbox(data);
    SparkplugEdgeNode node = node("n6", outbox, data, "ignition", null);
    await().atMost(10, SECONDS).until(() -> node.stats().connects() == 1);
    sub.publish("STATE/ignition", "ONLINE".getBytes(StandardCharsets.UTF_8), 1, true);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NBIRTH").size() == 1);
    sub.publish("STATE/ignition", "OFFLINE".getBytes(StandardCharsets.UTF_8), 1, true);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "NDEATH").size() == 1);
    sub.publish("STATE/ignition", new byte[0], 1, true);
  }

  @Test
  void commandsNeedCredentialsAndGoThroughTheOperatorCommands() throws Exception {
    Subscriber sub = subscriber("host-7", "spBv1.0/plant1/#");
    TestOperators ops = new TestOperators();
    Outbox outbox = outbox(data);
    SparkplugEdgeNode node = node("n7", outbox, data, null, ops);
    await().atMost(10, SECONDS).until(() -> ofType(sub, "DBIRTH").size() == 4);
    sub.publish("spBv1.0/plant1/DCMD/n7/line", ncmd(Map.of("Command/Pause", true, "Command/User", "ann",
        "Command/Token", "ann-token")), 0, false);
    sub.publish("spBv1.0/plant1/DCMD/n7/line", ncmd(Map.of("Command/Resume", true)), 0, false);
    sub.publish("spBv1.0/plant1/NCMD/n7", ncmd(Map.of("Command/Reset Alarm", "health/press", "Command/User", "vic",
        "Command/Token", "vic-token")), 0, false);
    // By alias, as a host that learned the aliases from the DBIRTH sends it.
    Spb inspection = ofType(sub, "DBIRTH").stream().filter(s -> s.topic().endsWith("/inspection")).findFirst()
        .orElseThrow();
    SparkplugBPayload byAlias = new SparkplugBPayload(new Date(), new ArrayList<>());
    for (String name : List.of("Command/Resolve Part Id", "Command/Resolve Label", "Command/User", "Command/Token")) {
      Metric birth = inspection.metric(name);
      assertNotNull(birth, name);
      Object value = Map.of("Command/Resolve Part Id", "P-9", "Command/Resolve Label", "scratch", "Command/User",
          "ann", "Command/Token", "ann-token").get(name);
      byAlias.addMetric(new Metric(null, birth.getAlias(), new Date(), MetricDataType.String, null, null, null, null,
          value));
    }
    sub.publish("spBv1.0/plant1/DCMD/n7/inspection", new SparkplugBPayloadEncoder().getBytes(byAlias, false), 0,
        false);
    sub.publish("spBv1.0/plant1/DCMD/n7/line", "garbage".getBytes(StandardCharsets.UTF_8), 0, false);

    await().atMost(10, SECONDS).until(() -> ops.audit.size() == 5);
    assertEquals(List.of("pause-line by ann via sparkplug", "resolve-review P-9=scratch by ann via sparkplug"),
        ops.calls);
    String audit = ops.audit.stream().collect(Collectors.joining("\n"));
    assertTrue(audit.contains("(none) sparkplug resume-line denied: user and token are required"), audit);
    assertTrue(audit.contains("vic sparkplug reset-alarm health/press denied"), audit);
    assertTrue(audit.contains("sparkplug sparkplug-command rejected"), audit);
    assertEquals(5, node.stats().commands());
  }

  static byte[] ncmd(Map<String, Object> metrics) throws Exception {
    SparkplugBPayload p = new SparkplugBPayload(new Date(), new ArrayList<>());
    for (Map.Entry<String, Object> e : metrics.entrySet()) {
      MetricDataType type = e.getValue() instanceof Boolean ? MetricDataType.Boolean : MetricDataType.String;
      p.addMetric(new Metric(e.getKey(), null, new Date(), type, null, null, null, null, e.getValue()));
    }
    return new SparkplugBPayloadEncoder().getBytes(p, false);
  }

  static byte[] state(boolean online, long timestamp) {
    return ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}").getBytes(StandardCharsets.UTF_8);
  }
}
