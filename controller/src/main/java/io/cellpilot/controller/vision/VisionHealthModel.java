package io.cellpilot.controller.vision;

import io.cellpilot.controller.health.HealthModel;
import io.cellpilot.vision.health.HealthDetector;
import io.cellpilot.vision.health.HealthReading;
import io.cellpilot.vision.health.HealthReading.Phase;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's health seam on the vision library's detector. The controller hands over one sample per health
 * period; the detector gathers them into windows and scores each full window, so the score changes once per window
 * and stays until the next (the controller's alarm debounce therefore counts periods, not windows). The score is NaN
 * until a first window has been scored (and during probation when learning on site), and for a sample the detector
 * refuses (NaN, infinite, wrong number of values): NaN leaves the controller's alarm as it was.
 */
public final class VisionHealthModel implements HealthModel {
  private static final Logger log = LoggerFactory.getLogger(VisionHealthModel.class);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private final HealthDetector detector;
  private final String version;
  private final VisionMetrics.Health meters;
  private boolean scored;
  private boolean detectorAlarm;
  private Instant lastWarning = Instant.MIN;

  public VisionHealthModel(HealthDetector detector, String version, VisionMetrics.Health meters) {
    this.detector = detector;
    this.version = version;
    this.meters = meters;
  }

  @Override
  public synchronized double observe(Instant time, double[] values) {
    boolean wasLearning = detector.learning();
    long windowsBefore = detector.windows();
    HealthReading r = detector.observe(time.toEpochMilli(), values);
    if (r.phase() == Phase.INVALID) {
      meters.invalid();
      if (time.isAfter(lastWarning.plus(WARN_EVERY))) {
        lastWarning = time;
        log.warn("[{}] sample refused ({} so far): {}", version, detector.invalidSamples(), r.cause());
      }
      return Double.NaN;
    }
    if (detector.windows() > windowsBefore && !wasLearning) {
      scored = true;
      meters.window();
      if (r.alarm() != detectorAlarm) {
        // The controller raises and clears the alarm; the cause is only known here, so it goes to the log.
        log.info("[{}] window score {} ({}): the detector's own alarm is {}", version,
            String.format(java.util.Locale.ROOT, "%.2f", r.score()), r.cause(), r.alarm() ? "on" : "off");
      }
      detectorAlarm = r.alarm();
    }
    return scored ? r.score() : Double.NaN;
  }

  /** The channels the detector expects, in order (the machine's tags must come in this order). */
  public java.util.List<String> channels() {
    return detector.channels();
  }

  /** True while the detector learns this machine's normal (on site) and scores nothing. */
  public synchronized boolean learning() {
    return detector.learning();
  }

  public String version() {
    return version;
  }
}
