package io.cellpilot.controller.vision;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.engine.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The vision models' figures on the controller's metrics endpoint, tagged with the model's name and version, so a
 * swapped-in model starts its own series and a model loaded again continues its own. Throughput is the rate of
 * {@code cellpilot.vision.inspections}; latency is submission to verdict, queueing and batching included.
 */
public final class VisionMetrics {
  private final MeterRegistry registry;

  public VisionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The meters of one inspection model. */
  public Inspection inspection(String model, String version) {
    return new Inspection(model, version);
  }

  /** The meters of one health model. */
  public Health health(String model, String version) {
    return new Health(model, version);
  }

  /** Latency, verdicts, batch sizes and refused images of one inspection model. */
  public final class Inspection {
    private final String model;
    private final String version;
    private final Timer latency;
    private final Counter good;
    private final Counter defect;
    private final DistributionSummary batch;

    private Inspection(String model, String version) {
      this.model = model;
      this.version = version;
      this.latency = Timer.builder("cellpilot.vision.latency")
          .description("image submitted to verdict, queueing and batching included")
          .tags("model", model, "version", version)
          .publishPercentiles(0.5, 0.99)
          .distributionStatisticExpiry(Duration.ofMinutes(5))
          .register(registry);
      this.good = verdicts("good");
      this.defect = verdicts("defect");
      this.batch = DistributionSummary.builder("cellpilot.vision.batch.size")
          .description("images that shared a network call")
          .tags("model", model, "version", version)
          .register(registry);
    }

    private Counter verdicts(String verdict) {
      return Counter.builder("cellpilot.vision.inspections").description("images that got a verdict")
          .tags("model", model, "version", version, "verdict", verdict).register(registry);
    }

    void verdict(Verdict v) {
      latency.record(v.latencyNanos(), TimeUnit.NANOSECONDS);
      (v.defective() ? defect : good).increment();
      batch.record(v.batchSize());
    }

    /** An image the model refused (corrupt, unsupported, wrong dimensions, engine overloaded or closed). */
    void rejected(VisionException.Reason reason) {
      Counter.builder("cellpilot.vision.rejected").description("images refused before or during inference")
          .tags("model", model, "version", version, "reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .register(registry).increment();
    }
  }

  /** Scored windows and refused samples of one health model. */
  public final class Health {
    private final Counter windows;
    private final Counter invalid;

    private Health(String model, String version) {
      this.windows = Counter.builder("cellpilot.vision.health.windows").description("sensor windows scored")
          .tags("model", model, "version", version).register(registry);
      this.invalid = Counter.builder("cellpilot.vision.health.invalid")
          .description("samples refused: NaN, infinite or the wrong number of values")
          .tags("model", model, "version", version).register(registry);
    }

    void window() {
      windows.increment();
    }

    void invalid() {
      invalid.increment();
    }
  }
}
