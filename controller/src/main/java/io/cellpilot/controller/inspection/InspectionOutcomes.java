package io.cellpilot.controller.inspection;

import io.cellpilot.controller.ingest.CameraImage;
import io.cellpilot.controller.review.ReviewException;
import io.cellpilot.controller.review.ReviewItem;
import io.cellpilot.controller.review.ReviewQueue;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InspectionCounts;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.ReviewRequested;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a decision: parts for an operator go to the review queue (a part that cannot be queued is held and
 * says so), every decision is recorded and counted and published, and a reject is handed to the robot's routine.
 */
final class InspectionOutcomes {
  private static final Logger log = LoggerFactory.getLogger(InspectionOutcomes.class);

  private final RejectHandler rejects;
  private final ReviewQueue reviews;
  private final DecisionLog decisions;
  private final CellEventBus events;
  private final EventIds ids;
  private final Clock clock;
  private final AtomicReference<InspectionCounts> counts = new AtomicReference<>(InspectionCounts.ZERO);

  InspectionOutcomes(RejectHandler rejects, ReviewQueue reviews, DecisionLog decisions, CellEventBus events,
      EventIds ids, Clock clock) {
    this.rejects = rejects;
    this.reviews = reviews;
    this.decisions = decisions;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  InspectionCounts counts() {
    return counts.get();
  }

  void finish(String partId, CameraImage image, String sha, String version, ModelVerdict verdict,
      double threshold, Decision decision, DecisionRecord.Shadow shadow) {
    Instant now = clock.instant();
    double score = verdict == null ? Double.NaN : verdict.score();
    Decision actual = decision;
    if (decision.action() == Action.REVIEW || decision.action() == Action.HOLD) {
      actual = queueForReview(partId, image, sha, version, score, threshold, decision, now);
    }
    decisions.append(new DecisionRecord(now.toString(), partId, sha, version, score, threshold,
        verdict == null ? "" : verdict.verdict().name(), verdict == null ? null : verdict.defectType(),
        actual.action(), actual.reason(), shadow));
    InspectionCounts c = count(actual.action());
    events.publish(new PartInspected(ids.next(), now, partId,
        verdict == null ? PartInspected.Verdict.UNCERTAIN : verdict.verdict(),
        verdict == null ? null : verdict.defectType(), score, threshold, version, sha, eventAction(actual.action()),
        c));
    log.debug("[inspection] part {}: {} {}", partId, actual.action(), actual.reason());
    if (actual.action() == Action.REJECT) {
      rejects.reject(partId).whenComplete((outcome, error) -> {
        RejectOutcome o = error == null ? outcome
            : new RejectOutcome(PartRejected.Outcome.FAILED, "", "", Double.NaN, Double.NaN, String.valueOf(error));
        events.publish(new PartRejected(ids.next(), clock.instant(), partId, o.robotId(), o.commandId(),
            o.outcome(), o.cycleSeconds(), o.energyWh(), o.reason()));
      });
    }
  }

  private Decision queueForReview(String partId, CameraImage image, String sha, String version, double score,
      double threshold, Decision decision, Instant now) {
    try {
      ReviewItem item = reviews.add(new ReviewItem(partId, now.toString(), score, threshold, version,
          decision.action().name(), decision.reason(), sha, ""), image == null ? null : image.bytes(),
          extension(image));
      events.publish(new ReviewRequested(ids.next(), now, item.partId(), score, threshold, version, reviews.size()));
      return decision;
    } catch (ReviewException | java.io.UncheckedIOException e) {
      log.error("[inspection] part {} could not be queued for review: {}", partId, e.getMessage());
      return new Decision(Action.HOLD, decision.reason() + "; not queued for review: " + e.getMessage());
    }
  }

  void withoutImage(String partId, String why) {
    Instant now = clock.instant();
    decisions.append(new DecisionRecord(now.toString(), partId, "", "", Double.NaN, Double.NaN, "", null,
        Action.HOLD, why, null));
    InspectionCounts c = count(Action.HOLD);
    // Published like any held part, so that the status publishers' counts and last verdict stay complete.
    events.publish(new PartInspected(ids.next(), now, partId, PartInspected.Verdict.UNCERTAIN, null, Double.NaN,
        Double.NaN, "", "", PartInspected.Action.REVIEW, c));
    log.warn("[inspection] part {} held: {}", partId, why);
  }

  /** An image nobody reported a part for is recorded, not counted: it may not be a part of this line at all. */
  void withoutPart(CameraImage image, String why) {
    Instant now = clock.instant();
    decisions.append(new DecisionRecord(now.toString(), image.partId(), InspectionPipeline.sha256(image.bytes()), "",
        Double.NaN, Double.NaN, "", null, Action.HOLD, why, null));
    log.warn("[inspection] {}", why);
  }

  private InspectionCounts count(Action action) {
    return counts.updateAndGet(c -> new InspectionCounts(c.inspected() + 1,
        c.good() + (action == Action.PASS ? 1 : 0),
        c.rejected() + (action == Action.REJECT ? 1 : 0),
        c.review() + (action == Action.REVIEW || action == Action.HOLD ? 1 : 0)));
  }

  /** The event contract has no HOLD: a held part goes to an operator, exactly like a review. */
  private static PartInspected.Action eventAction(Action action) {
    switch (action) {
      case PASS: return PartInspected.Action.PASS;
      case REJECT: return PartInspected.Action.REJECT;
      default: return PartInspected.Action.REVIEW;
    }
  }

  private static String extension(CameraImage image) {
    if (image == null) {
      return "bin";
    }
    String type = image.contentType();
    return type.equals("image/png") ? "png" : type.equals("image/jpeg") ? "jpg" : "img";
  }
}
