package io.cellpilot.controller.inspection;

import io.cellpilot.controller.cell.LineControl;
import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.controller.ingest.CameraImage;
import io.cellpilot.controller.ingest.ImageSink;
import io.cellpilot.controller.inspection.PartImagePairer.ImageWithoutPart;
import io.cellpilot.controller.inspection.PartImagePairer.Pair;
import io.cellpilot.controller.inspection.PartImagePairer.PartWithoutImage;
import io.cellpilot.controller.models.LoadedModel;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.review.ReviewQueue;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.StaleDataException;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.controller.state.TagValue;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InspectionCounts;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part arrival (PLC tags) + image (camera) -> model -> {@link InspectionPolicy} -> reject, review or pass -> record,
 * counts and events. Everything runs on one pipeline thread in arrival order, so pairing needs no locks and decisions
 * leave in the order parts came; the reject pick itself is asynchronous.
 */
public final class InspectionPipeline implements ImageSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InspectionPipeline.class);

  private final InspectionSettings settings;
  private final CellState state;
  private final ModelRegistry models;
  private final RobotControl robot;
  private final LineControl line;
  private final Clock clock;
  private final PartImagePairer pairer;
  private final InspectionOutcomes outcomes;
  private final ThreadPoolExecutor worker;
  private final LongAdder dropped = new LongAdder();
  private String lastPartId = "";

  public InspectionPipeline(InspectionSettings settings, CellState state, ModelRegistry models, RobotControl robot,
      RejectHandler rejects, LineControl line, ReviewQueue reviews, DecisionLog decisions, CellEventBus events,
      EventIds ids, Clock clock) {
    this.settings = settings;
    this.state = state;
    this.models = models;
    this.robot = robot;
    this.line = line;
    this.clock = clock;
    this.pairer = new PartImagePairer(settings.pairingTimeout(), 1000);
    this.outcomes = new InspectionOutcomes(rejects, reviews, decisions, events, ids, clock);
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), r -> {
      Thread t = new Thread(r, "inspection");
      t.setDaemon(true);
      return t;
    });
    state.addListener(this::onTag);
  }

  /** Called on the ingest thread for every tag update; arrival detection runs on the pipeline thread. */
  private void onTag(TagValue value) {
    if (value.tag().equals(settings.partPresentTag()) || value.tag().equals(settings.partIdTag())) {
      submit(this::checkArrival);
    }
  }

  @Override
  public void accept(CameraImage image) {
    submit(() -> pairer.image(image, clock.instant()).ifPresent(this::inspect));
  }

  /** Gives up on parts and images that waited too long; the application calls this a few times a second. */
  public void tick() {
    submit(() -> pairer.expire(clock.instant()).forEach(this::expired));
  }

  private void submit(Runnable task) {
    try {
      worker.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          log.error("[inspection] pipeline step failed", e);
        }
      });
    } catch (RejectedExecutionException e) {
      dropped.increment();
      log.error("[inspection] pipeline queue full or closed: an update was dropped ({} so far)", dropped.sum());
    }
  }

  private void checkArrival() {
    TagReading present = state.read(settings.partPresentTag());
    TagReading id = state.read(settings.partIdTag());
    if (!present.fresh() || !Boolean.TRUE.equals(present.value().orElse(null))) {
      return;
    }
    if (!id.fresh()) {
      log.warn("[inspection] a part is at inspection but its id cannot be trusted: {}", id.problem());
      return;
    }
    String partId = String.valueOf(id.value().orElse(""));
    if (partId.isEmpty() || partId.equals(lastPartId)) {
      return;
    }
    lastPartId = partId;
    pairer.part(partId, clock.instant()).ifPresent(this::inspect);
  }

  private void inspect(Pair pair) {
    CameraImage image = pair.image();
    String sha = sha256(image.bytes());
    Optional<LoadedModel> loaded = models.active(settings.modelId());
    ModelVerdict verdict = null;
    String modelProblem = "";
    String version = "";
    double threshold = Double.NaN;
    if (loaded.isEmpty()) {
      modelProblem = "no inspection model is loaded (" + settings.modelId() + ")";
    } else {
      InspectionModel model = loaded.get().as(InspectionModel.class);
      version = model.version();
      threshold = Double.isNaN(settings.thresholdOverride()) ? model.threshold() : settings.thresholdOverride();
      try {
        verdict = model.inspect(image.bytes());
      } catch (ImageRejectedException e) {
        modelProblem = "image refused by the model: " + e.getMessage();
      } catch (RuntimeException e) {
        log.error("[inspection] model {} failed on part {}", version, pair.partId(), e);
        modelProblem = "model failed: " + e;
      }
    }
    RobotStatus robotStatus = robot.status();
    DecisionInput input = new DecisionInput(verdict, modelProblem, threshold, settings.uncertainBand(),
        staleProblem(), robotStatus.ready() ? "" : robotStatus.detail(), line.pausedBy().orElse(""));
    Decision decision = InspectionPolicy.decide(input);
    DecisionRecord.Shadow shadow = shadow(image, input);
    outcomes.finish(pair.partId(), image, sha, version, verdict, threshold, decision, shadow);
  }

  private String staleProblem() {
    try {
      state.requireFresh(settings.requiredTags());
      return "";
    } catch (StaleDataException e) {
      return e.getMessage();
    }
  }

  private DecisionRecord.Shadow shadow(CameraImage image, DecisionInput live) {
    Optional<LoadedModel> candidate = models.shadow(settings.modelId());
    if (candidate.isEmpty()) {
      return null;
    }
    InspectionModel model = candidate.get().as(InspectionModel.class);
    double threshold = Double.isNaN(settings.thresholdOverride()) ? model.threshold() : settings.thresholdOverride();
    try {
      ModelVerdict v = model.inspect(image.bytes());
      DecisionInput input = new DecisionInput(v, "", threshold, live.uncertainBand(), live.staleProblem(),
          live.robotProblem(), live.pausedBy());
      return new DecisionRecord.Shadow(model.version(), v.score(), threshold, v.verdict().name(),
          InspectionPolicy.decide(input).action());
    } catch (ImageRejectedException | RuntimeException e) {
      return new DecisionRecord.Shadow(model.version(), Double.NaN, threshold, "ERROR: " + e.getMessage(),
          Action.HOLD);
    }
  }

  private void expired(PartImagePairer.Expired expired) {
    String within = " within " + settings.pairingTimeout().toMillis() + " ms";
    if (expired instanceof PartWithoutImage p) {
      outcomes.withoutImage(p.partId(), "no image arrived" + within);
    } else if (expired instanceof ImageWithoutPart i) {
      outcomes.withoutPart(i.image(), "image arrived but the PLC reported no part " + i.image().partId() + within);
    }
  }

  public InspectionCounts counts() {
    return outcomes.counts();
  }

  /** Updates dropped because the pipeline queue was full. */
  public long dropped() {
    return dropped.sum();
  }

  public int waitingParts() {
    return pairer.waitingParts();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** For tests: true once every submitted step has run. */
  public boolean idle() {
    return worker.getQueue().isEmpty() && worker.getActiveCount() == 0;
  }
}
