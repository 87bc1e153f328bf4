package io.cellpilot.controller.api;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.broker.BrokerEndpoint;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.commands.OperatorCommands;
import io.cellpilot.controller.security.CellCommands;
import io.cellpilot.controller.security.FileAuditLog;
import io.cellpilot.controller.security.FileUserStore;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.security.AuditLog;
import io.cellpilot.security.Authenticator;
import io.cellpilot.controller.support.Mqtt;
import io.cellpilot.controller.support.RecordingRobot;
import io.cellpilot.controller.support.TestImages;
import io.cellpilot.controller.support.TestModelPackages;
import io.cellpilot.security.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running service over real HTTP and a real (embedded) broker: roles, audit, models, the review queue, and parts
 * flowing from MQTT to recorded decisions.
 */
class ControllerApiTest {
  @TempDir
  static Path data;
  private static EmbeddedServer server;
  private static BlockingHttpClient http;
  private static final Map<String, String> PASSWORDS = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    FileUserStore users = new FileUserStore(data.resolve("users"));
    for (Role role : Role.values()) {
      String name = role.name().toLowerCase();
      PASSWORDS.put(name, users.putPassword(name, role, null));
    }
    TestModelPackages.write(data.resolve("models/v1.pkg"), "v1", 0.5);
    TestModelPackages.write(data.resolve("models/v2.pkg"), "v2", 0.6);
    TestModelPackages.writeTampered(data.resolve("models/v3-tampered.pkg"), "v3", 0.5);
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("cellpilot-test.robot", "recording");
    props.put("cellpilot-test.model-loader", "brightness");
    props.put("cellpilot.data-dir", data.toString());
    props.put("cellpilot.mqtt.embedded.port", 0);
    props.put("cellpilot.mqtt-sources.plc.mappings.part-at-inspection.topic", "test/plc/part");
    props.put("cellpilot.mqtt-sources.plc.mappings.part-at-inspection.field", "/present");
    props.put("cellpilot.mqtt-sources.plc.mappings.part-at-inspection.type", "boolean");
    props.put("cellpilot.mqtt-sources.plc.mappings.part-at-inspection.tag", "plc.part-at-inspection");
    props.put("cellpilot.mqtt-sources.plc.mappings.part-id.topic", "test/plc/part");
    props.put("cellpilot.mqtt-sources.plc.mappings.part-id.field", "/partId");
    props.put("cellpilot.mqtt-sources.plc.mappings.part-id.type", "string");
    props.put("cellpilot.mqtt-sources.plc.mappings.part-id.tag", "plc.part-id");
    props.put("cellpilot.mqtt-sources.sensors.mappings.vibration.topic", "test/+/vibration");
    props.put("cellpilot.mqtt-sources.sensors.mappings.vibration.tag", "{1}.vibration");
    props.put("cellpilot.cameras.camera.type", "mqtt");
    props.put("cellpilot.cameras.camera.topic", "test/camera");
    props.put("cellpilot.models.inspection.kind", "inspection");
    props.put("cellpilot.models.inspection.package", data.resolve("models/v1.pkg").toString());
    // No robot configured: the recording stand-in is the RobotControl (a configured robot gets the UR driver).
    props.put("cellpilot.inspection.uncertain-band", 0.05);
    server = ApplicationContext.run(EmbeddedServer.class, props);
    http = server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.getApplicationContext().close();
    }
  }

  private static <T> MutableHttpRequest<T> as(String user, MutableHttpRequest<T> request) {
    return request.basicAuth(user, PASSWORDS.get(user));
  }

  private static HttpStatus status(MutableHttpRequest<?> request) {
    try {
      return http.exchange(request, Map.class).getStatus();
    } catch (HttpClientResponseException e) {
      return e.getStatus();
    }
  }

  private static List<String> audit() throws Exception {
    return Files.readAllLines(data.resolve("audit.log"));
  }

  @Test
  void aViewerCannotStopTheRobotOrLoadAModelAndBothRefusalsAreAudited() throws Exception {
    assertEquals(HttpStatus.FORBIDDEN, status(as("viewer", HttpRequest.POST("/api/robot/stop", Map.of()))));
    assertEquals(HttpStatus.FORBIDDEN,
        status(as("viewer", HttpRequest.POST("/api/models/inspection/load", Map.of("package", "v2.pkg")))));
    List<String> lines = audit();
    assertTrue(lines.stream().anyMatch(l -> l.contains("\"user\":\"viewer\"") && l.contains("\"action\":\"stop-robot\"")
        && l.contains("\"result\":\"denied\"") && l.contains("\"source\":\"http\"")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("\"user\":\"viewer\"") && l.contains("load-model inspection")
        && l.contains("\"result\":\"denied\"")), lines.toString());
    assertTrue(server.getApplicationContext().getBean(RecordingRobot.class).stops.stream()
        .noneMatch(s -> s.contains("viewer")));
  }

  @Test
  void anOperatorCanStopTheRobotButNotLoadAModel() throws Exception {
    RecordingRobot robot = server.getApplicationContext().getBean(RecordingRobot.class);
    assertEquals(HttpStatus.OK,
        status(as("operator", HttpRequest.POST("/api/robot/stop", Map.of("reason", "jam at the pick position")))));
    assertTrue(robot.stops.stream().anyMatch(s -> s.contains("operator operator: jam at the pick position")));
    assertEquals(HttpStatus.FORBIDDEN,
        status(as("operator", HttpRequest.POST("/api/models/inspection/load", Map.of("package", "v2.pkg")))));
    assertTrue(audit().stream().anyMatch(l -> l.contains("\"user\":\"operator\"")
        && l.contains("\"action\":\"stop-robot\"") && l.contains("\"result\":\"ok\"")));
    robot.ready = true;
  }

  @Test
  void anEngineerLoadsAndRollsBackAndATamperedPackageIsRefusedWhileTheOldModelKeepsServing() throws Exception {
    ModelRegistry models = server.getApplicationContext().getBean(ModelRegistry.class);
    assertEquals("v1", models.active("inspection").orElseThrow().version());
    assertEquals(HttpStatus.CONFLICT, status(as("engineer",
        HttpRequest.POST("/api/models/inspection/load", Map.of("package", "v3-tampered.pkg")))));
    assertEquals("v1", models.active("inspection").orElseThrow().version());
    assertTrue(audit().stream().anyMatch(l -> l.contains("v3-tampered.pkg") && l.contains("checksum mismatch")));

    assertEquals(HttpStatus.CONFLICT, status(as("engineer",
        HttpRequest.POST("/api/models/inspection/load", Map.of("package", "../users")))));
    assertEquals(HttpStatus.OK, status(as("engineer",
        HttpRequest.POST("/api/models/inspection/load", Map.of("package", "v2.pkg")))));
    assertEquals("v2", models.active("inspection").orElseThrow().version());
    assertEquals(HttpStatus.OK, status(as("engineer", HttpRequest.POST("/api/models/inspection/rollback", ""))));
    assertEquals("v1", models.active("inspection").orElseThrow().version());
  }

  @Test
  void theSharedContractsAreBeansOtherModulesCanInject() {
    ApplicationContext context = server.getApplicationContext();
    assertTrue(context.getBean(OperatorCommands.class) instanceof CellCommands);
    assertTrue(context.getBean(Authenticator.class) instanceof FileUserStore);
    assertTrue(context.getBean(AuditLog.class) instanceof FileAuditLog);
    assertTrue(context.getBean(CellEventBus.class) != null);
  }

  @Test
  void withoutCredentialsReadsAndCommandsAreRefusedAndWrongPasswordsToo() {
    assertEquals(HttpStatus.UNAUTHORIZED, status(HttpRequest.GET("/api/cell")));
    assertEquals(HttpStatus.UNAUTHORIZED, status(HttpRequest.POST("/api/robot/stop", Map.of())));
    assertEquals(HttpStatus.UNAUTHORIZED,
        status(HttpRequest.GET("/api/cell").basicAuth("operator", "wrong-password-123")));
    assertEquals(HttpStatus.OK, status(as("viewer", HttpRequest.GET("/api/cell"))));
  }

  @Test
  void partsFlowFromMqttToRecordedDecisionsAndAnOperatorResolvesAReview() throws Exception {
    String broker = server.getApplicationContext().getBean(BrokerEndpoint.class).url().toString();
    try (Mqtt mqtt = new Mqtt(broker, "test-cell")) {
      await().atMost(10, SECONDS).until(() -> status(as("viewer", HttpRequest.GET("/health/readiness")))
          == HttpStatus.OK);
      mqtt.json("test/plc/part", "{\"present\":true,\"partId\":\"A-1\"}");
      mqtt.image("test/camera", "A-1", TestImages.png(20));
      mqtt.image("test/camera", "A-2", TestImages.png(128));
      mqtt.json("test/plc/part", "{\"present\":true,\"partId\":\"A-2\"}");
      await().atMost(10, SECONDS).until(() -> decisions().size() >= 2);
    }
    List<Map<String, Object>> decisions = decisions();
    Map<String, Object> a1 = decisions.stream().filter(d -> d.get("partId").equals("A-1")).findFirst().orElseThrow();
    assertEquals("PASS", a1.get("action"));
    assertEquals("v1", a1.get("modelVersion"));
    Map<String, Object> a2 = decisions.stream().filter(d -> d.get("partId").equals("A-2")).findFirst().orElseThrow();
    assertEquals("REVIEW", a2.get("action"));

    HttpResponse<byte[]> image = http.exchange(as("viewer", HttpRequest.GET("/api/reviews/A-2/image")),
        byte[].class);
    assertEquals(TestImages.png(128).length, image.body().length);
    assertEquals(HttpStatus.FORBIDDEN,
        status(as("viewer", HttpRequest.POST("/api/reviews/A-2/resolve", Map.of("label", "good")))));
    assertEquals(HttpStatus.OK,
        status(as("operator", HttpRequest.POST("/api/reviews/A-2/resolve", Map.of("label", "good")))));
    assertTrue(Files.exists(data.resolve("labels/good/A-2.png")));
    assertEquals(HttpStatus.CONFLICT,
        status(as("operator", HttpRequest.POST("/api/reviews/A-2/resolve", Map.of("label", "good")))));
  }

  @Test
  void malformedSensorMessagesAreCountedByTopicInTheCellStatus() throws Exception {
    String broker = server.getApplicationContext().getBean(BrokerEndpoint.class).url().toString();
    try (Mqtt mqtt = new Mqtt(broker, "test-sensor")) {
      mqtt.json("test/press/vibration", "{\"value\":\"high\"}");
      mqtt.json("test/press/vibration", "{\"value\":2.5}");
      await().atMost(10, SECONDS).until(() -> {
        Map<?, ?> tags = (Map<?, ?>) cell().get("tags");
        return tags.containsKey("press.vibration");
      });
    }
    Map<?, ?> sources = (Map<?, ?>) cell().get("sources");
    Map<?, ?> stats = (Map<?, ?>) ((Map<?, ?>) sources.get("sensors")).get("stats");
    assertEquals(Map.of("test/press/vibration", 1), stats.get("malformedByTopic"));
  }

  @Test
  void readinessReportsEveryConnectionAndPrometheusServesTheControllersFigures() {
    RecordingRobot robot = server.getApplicationContext().getBean(RecordingRobot.class);
    robot.ready = true;
    // A source may be reconnecting on a loaded machine: wait for UP, then look at the details.
    await().atMost(10, SECONDS).until(() -> status(HttpRequest.GET("/health")) == HttpStatus.OK);
    HttpResponse<String> health = http.exchange(HttpRequest.GET("/health"), String.class);
    assertTrue(health.body().contains("source sensors") && health.body().contains("camera camera"), health.body());
    String metrics = http.retrieve(HttpRequest.GET("/prometheus"));
    assertTrue(metrics.contains("cellpilot_ingest_messages_total{source=\"sensors\"}"), metrics);
    assertTrue(metrics.contains("cellpilot_review_queue"), metrics);
  }

  private static Map<String, Object> cell() {
    return http.retrieve(as("viewer", HttpRequest.GET("/api/cell")), Argument.mapOf(String.class, Object.class));
  }

  private static List<Map<String, Object>> decisions() {
    return http.retrieve(as("viewer", HttpRequest.GET("/api/decisions?limit=100")),
        Argument.listOf(Argument.mapOf(String.class, Object.class)));
  }
}
