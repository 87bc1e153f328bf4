package io.cellpilot.controller.demo;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.ingest.IngestSource;
import io.cellpilot.controller.security.FileUserStore;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.security.Role;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.faults.SensorKey;
import io.cellpilot.sim.line.PartFate;
import io.cellpilot.sim.line.PartTruth;
import io.cellpilot.sim.machines.MachineId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cell exactly as {@code cellpilot demo} runs it: deploy/sim.yml's simulator, deploy/cellpilot-sim.yml's controller
 * and the default models in deploy/models, through the real protocols only. The controller never reads the simulator's
 * truth; the test compares what it did with that truth.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCellTest {
  static final Path HOME = Path.of("..").toAbsolutePath().normalize();
  static final double DEFECT_RATE = 0.15;

  @TempDir
  static Path dir;
  static DemoCell cell;
  static BlockingHttpClient http;
  static final Map<String, String> passwords = new HashMap<>();
  static final List<CellEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path data = dir.resolve("data");
    FileUserStore users = new FileUserStore(data.resolve("users"));
    for (Role role : Role.values()) {
      String name = role.name().toLowerCase();
      passwords.put(name, users.putPassword(name, role, null));
    }
    // Seed 11 brings four kinds of defect in the first ten parts; twice real speed keeps the robot (real time) ahead.
    cell = DemoCell.start(HOME.resolve("deploy/cellpilot-sim.yml"), HOME, data,
        DemoSimulator.fromFile(HOME.resolve("deploy/sim.yml"), 11, 2.0).line(l -> l.defectRate(DEFECT_RATE)).build(),
        0, p -> { });
    cell.controller().getBean(CellEventBus.class).subscribe(events::add);
    http = HttpClient.create(new URL(cell.httpUrl())).toBlocking();
  }

  @AfterAll
  static void stop() {
    if (cell != null) {
      cell.close();
    }
  }

  static <T extends CellEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static HttpStatus status(String user, MutableHttpRequest<?> request) {
    try {
      return http.exchange(request.basicAuth(user, passwords.get(user)), Map.class).getStatus();
    } catch (HttpClientResponseException e) {
      return e.getStatus();
    }
  }

  @Test
  @Order(1)
  void defectivePartsArePickedToTheRejectBinAndGoodPartsPassAsTheSimulatorsTruthSays() throws Exception {
    await().atMost(150, SECONDS).until(() -> decided().size() >= 16
        && events(PartRejected.class).stream().filter(r -> r.outcome() == PartRejected.Outcome.PICKED).count() >= 2);
    List<PartInspected> decided = decided();
    int wrong = 0;
    for (PartInspected p : decided) {
      boolean defective = truth(p.partId()).defect().isPresent();
      if (defective != (p.action() == PartInspected.Action.REJECT)) {
        wrong++;
      }
    }
    int allowed = MeasuredError.ofReport(HOME.resolve("deploy/models/inspection-report.json"))
        .allowedMistakes(decided.size(), DEFECT_RATE);
    assertTrue(wrong <= allowed, "decisions that disagree with the simulator's truth: " + wrong + " of "
        + decided.size() + ", the model's measured error allows " + allowed);
    for (PartRejected r : events(PartRejected.class)) {
      if (r.outcome() == PartRejected.Outcome.PICKED) {
        assertEquals(PartFate.IN_BIN, truth(r.partId()).fate(), "picked part " + r.partId());
      }
    }
    for (PartInspected p : decided) {
      if (p.action() == PartInspected.Action.PASS) {
        assertTrue(truth(p.partId()).fate() != PartFate.IN_BIN, "a passed part landed in the bin: " + p.partId());
      }
    }
  }

  @Test
  @Order(2)
  void malformedSensorMessagesAreCountedAndIgnoredWhileInspectionGoesOn() {
    long before = malformed();
    long inspected = events(PartInspected.class).size();
    cell.sim().inject(new Fault.MalformedJson(new SensorKey(MachineId.PRESS, SensorKey.Quantity.VIBRATION),
        Duration.ofSeconds(6)));
    await().atMost(30, SECONDS).until(() -> malformed() >= before + 2);
    await().atMost(30, SECONDS).until(() -> events(PartInspected.class).size() >= inspected + 2);
  }

  @Test
  @Order(3)
  void aTamperedPackageIsRefusedAndTheModelInServiceKeepsServing() throws Exception {
    Path models = dir.resolve("data/models");
    Files.createDirectories(models);
    byte[] bytes = Files.readAllBytes(HOME.resolve("deploy/models/inspection.cpm"));
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(models.resolve("tampered.cpm"), bytes);
    String before = version();

    HttpStatus refused = status("engineer", HttpRequest.POST("/api/models/inspection/load",
        Map.of("package", "tampered.cpm")));

    assertTrue(refused.getCode() >= 400 && refused.getCode() < 500, "tampered package answered " + refused);
    assertEquals(before, version());
    long inspected = events(PartInspected.class).size();
    await().atMost(30, SECONDS).until(() -> events(PartInspected.class).size() >= inspected + 2);
    assertTrue(events(PartInspected.class).stream().skip(inspected).allMatch(p -> p.modelVersion().equals(before)));
  }

  @Test
  @Order(4)
  void aViewerCanNeitherLoadAModelNorStopTheRobot() throws Exception {
    Files.copy(HOME.resolve("deploy/models/inspection.cpm"), dir.resolve("data/models/copy.cpm"));

    assertEquals(HttpStatus.FORBIDDEN, status("viewer", HttpRequest.POST("/api/models/inspection/load",
        Map.of("package", "copy.cpm"))));
    assertEquals(HttpStatus.FORBIDDEN, status("viewer", HttpRequest.POST("/api/robot/stop", Map.of())));
    assertTrue(cell.controller().getBean(io.cellpilot.controller.cell.RobotControl.class).status().ready());
  }

  private static List<PartInspected> decided() {
    return events(PartInspected.class).stream().filter(p -> p.action() != PartInspected.Action.REVIEW).toList();
  }

  private static PartTruth truth(String partId) {
    return cell.sim().groundTruth(partId).orElseThrow(() -> new AssertionError("the simulator never made " + partId));
  }

  private static long malformed() {
    return cell.controller().getBeansOfType(IngestSource.class).stream().mapToLong(s -> s.stats().malformed()).sum();
  }

  private static String version() {
    return cell.controller().getBean(io.cellpilot.controller.models.ModelRegistry.class).list().stream()
        .filter(m -> m.id().equals("inspection")).findFirst().orElseThrow().active();
  }
}
