package io.cellpilot.controller.inspection;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.cell.LineControl;
import io.cellpilot.controller.ingest.CameraImage;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.review.ReviewQueue;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagMaxAges;
import io.cellpilot.controller.state.TagValue;
import io.cellpilot.controller.support.RecordingRobot;
import io.cellpilot.controller.support.TestImages;
import io.cellpilot.controller.support.TestModelPackages;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.ReviewRequested;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectionPipelineTest {
  @TempDir
  Path dir;
  private final Clock clock = Clock.systemUTC();
  private final List<CellEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> picked = new CopyOnWriteArrayList<>();
  private final RecordingRobot robot = new RecordingRobot();
  private CellState state;
  private DecisionLog decisions;
  private ReviewQueue reviews;
  private InspectionPipeline pipeline;
  private ModelRegistry models;

  @BeforeEach
  void start() throws Exception {
    InProcessEventBus bus = new InProcessEventBus();
    bus.subscribe(events::add);
    EventIds ids = EventIds.startingNow();
    state = new CellState(clock, new TagMaxAges(Duration.ofSeconds(30)));
    state.accept(TagValue.good("plc.line-state", 1.0, clock.instant(), clock.instant()));
    models = new ModelRegistry(Map.of("inspection", "inspection"), new TestModelPackages(), dir, bus,
        ids, clock);
    models.load("inspection", TestModelPackages.write(dir.resolve("v1.pkg"), "v1", 0.5), "test");
    decisions = new DecisionLog(dir.resolve("decisions.jsonl"), 100);
    reviews = new ReviewQueue(dir, 100);
    RejectHandler rejects = partId -> {
      picked.add(partId);
      return CompletableFuture.completedFuture(
          new RejectOutcome(PartRejected.Outcome.PICKED, "r1", "cmd-1", 4.2, 1.5, ""));
    };
    InspectionSettings settings = new InspectionSettings("inspection", "plc.part-at-inspection", "plc.part-id",
        List.of("plc.part-at-inspection", "plc.part-id", "plc.line-state"), Duration.ofMillis(500), Double.NaN,
        0.05);
    pipeline = new InspectionPipeline(settings, state, models, robot, rejects, new LineControl(), reviews, decisions,
        bus, ids, clock);
  }

  @AfterEach
  void stop() {
    pipeline.close();
    decisions.close();
  }

  private void partArrives(String partId) {
    Instant now = clock.instant();
    state.accept(TagValue.good("plc.part-id", partId, now, now));
    state.accept(TagValue.good("plc.part-at-inspection", true, now, now));
  }

  private void image(String partId, int grey) {
    Instant now = clock.instant();
    pipeline.accept(new CameraImage("cam", partId, TestImages.png(grey), "image/png", now, now));
  }

  private DecisionRecord decisionFor(String partId) {
    // The application ticks the pipeline every 100 ms; here the test does, so that timeouts can fire.
    await().atMost(5, SECONDS).until(() -> {
      pipeline.tick();
      return decisions.recent(100).stream().anyMatch(d -> d.partId().equals(partId));
    });
    return decisions.recent(100).stream().filter(d -> d.partId().equals(partId)).findFirst().orElseThrow();
  }

  @Test
  void aPartThatArrivesBeforeItsDarkImagePassesAndTheDecisionIsRecorded() {
    partArrives("P1");
    image("P1", 40);
    DecisionRecord d = decisionFor("P1");
    assertEquals(Action.PASS, d.action());
    assertEquals("v1", d.modelVersion());
    assertEquals(InspectionPipeline.sha256(TestImages.png(40)), d.imageSha256());
    assertEquals(40 / 255.0, d.score(), 1e-9);
    assertEquals(0.5, d.threshold());
    await().atMost(5, SECONDS).until(() -> events.stream().anyMatch(e -> e instanceof PartInspected p
        && p.partId().equals("P1")
        && p.action() == PartInspected.Action.PASS && p.counts().good() == 1));
  }

  @Test
  void aBrightImageThatArrivesBeforeItsPartIsRejectedAndPickedByTheRobot() {
    image("P2", 230);
    partArrives("P2");
    assertEquals(Action.REJECT, decisionFor("P2").action());
    await().atMost(5, SECONDS).until(() -> events.stream().anyMatch(e -> e instanceof PartRejected));
    assertEquals(List.of("P2"), picked);
    PartRejected r = (PartRejected) events.stream().filter(e -> e instanceof PartRejected).findFirst().orElseThrow();
    assertEquals(PartRejected.Outcome.PICKED, r.outcome());
    assertEquals(1, pipeline.counts().rejected());
  }

  @Test
  void aScoreNearTheThresholdGoesToTheReviewQueueWithItsImage() {
    partArrives("P3");
    image("P3", 128);
    assertEquals(Action.REVIEW, decisionFor("P3").action());
    assertEquals(List.of("P3"), reviews.list().stream().map(i -> i.partId()).toList());
    assertTrue(reviews.image("P3").isPresent());
    assertTrue(events.stream().anyMatch(e -> e instanceof ReviewRequested rr && rr.queueSize() == 1));
  }

  @Test
  void aDefectivePartIsHeldAndTheRobotNotAskedWhileARequiredTagIsBad() {
    state.accept(TagValue.bad("plc.line-state", clock.instant()));
    partArrives("P4");
    image("P4", 230);
    DecisionRecord d = decisionFor("P4");
    assertEquals(Action.HOLD, d.action());
    assertEquals("stale cell data: plc.line-state has quality BAD", d.reason());
    assertTrue(picked.isEmpty());
  }

  @Test
  void aRequiredTagOlderThanItsMaxAgeHoldsTheDecision() {
    Instant old = clock.instant().minusSeconds(60);
    state.accept(TagValue.good("plc.line-state", 1.0, old, old));
    partArrives("P5");
    image("P5", 20);
    DecisionRecord d = decisionFor("P5");
    assertEquals(Action.HOLD, d.action());
    assertTrue(d.reason().startsWith("stale cell data: plc.line-state is 60."), d.reason());
  }

  @Test
  void aPartWhoseIdTagIsStaleIsNotRegisteredAndItsImageTimesOutUnpaired() {
    Instant old = clock.instant().minusSeconds(60);
    state.accept(TagValue.good("plc.part-id", "P10", old, old));
    state.accept(TagValue.good("plc.part-at-inspection", true, clock.instant(), clock.instant()));
    image("P10", 230);
    DecisionRecord d = decisionFor("P10");
    assertEquals(Action.HOLD, d.action());
    assertTrue(d.reason().contains("the PLC reported no part P10"), d.reason());
    assertTrue(picked.isEmpty());
  }

  @Test
  void aShadowCandidateIsRecordedBesideTheDecisionButNeverActedOn() throws Exception {
    models.startShadow("inspection", TestModelPackages.write(dir.resolve("v2.pkg"), "v2", 0.2), "eng");
    partArrives("P11");
    image("P11", 100);
    DecisionRecord d = decisionFor("P11");
    assertEquals(Action.PASS, d.action(), "the active model v1 (threshold 0.5) decides");
    assertEquals("v2", d.shadow().modelVersion());
    assertEquals(Action.REJECT, d.shadow().wouldDo(), "v2 (threshold 0.2) would have rejected it");
    assertTrue(picked.isEmpty());
  }

  @Test
  void aPartWithoutImageTimesOutAndIsHeld() {
    partArrives("P6");
    DecisionRecord d = decisionFor("P6");
    assertEquals(Action.HOLD, d.action());
    assertEquals("no image arrived within 500 ms", d.reason());
    // The record is written before the event is published: wait for the event too.
    await().atMost(5, SECONDS).until(() -> events.stream().anyMatch(e -> e instanceof PartInspected p
        && p.partId().equals("P6") && p.action() == PartInspected.Action.REVIEW));
  }

  @Test
  void whenTheRobotIsNotReadyADefectivePartIsHeldForAnOperator() {
    robot.ready = false;
    partArrives("P7");
    image("P7", 230);
    DecisionRecord d = decisionFor("P7");
    assertEquals(Action.HOLD, d.action());
    assertTrue(d.reason().contains("the robot cannot pick: not ready"), d.reason());
    assertTrue(reviews.get("P7").isPresent());
    assertTrue(picked.isEmpty());
  }

  @Test
  void aCorruptImageIsHeldWithTheModelsReasonAndThePipelineGoesOn() {
    partArrives("P8");
    Instant now = clock.instant();
    pipeline.accept(new CameraImage("cam", "P8", new byte[] {1, 2, 3}, "image/png", now, now));
    assertTrue(decisionFor("P8").reason().startsWith("no verdict: image refused by the model"));
    partArrives("P9");
    image("P9", 20);
    assertEquals(Action.PASS, decisionFor("P9").action());
  }
}
