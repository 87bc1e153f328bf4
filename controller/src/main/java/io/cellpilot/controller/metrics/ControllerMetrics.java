package io.cellpilot.controller.metrics;

import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.ingest.CameraSource;
import io.cellpilot.controller.ingest.IngestSource;
import io.cellpilot.controller.inspection.InspectionPipeline;
import io.cellpilot.controller.review.ReviewQueue;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The controller's figures on the Prometheus endpoint: messages and malformed messages per source, parts per action,
 * review queue size and active alarms. Counters are read from the components when scraped, so the hot paths only
 * bump a {@code LongAdder}.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class ControllerMetrics {

  public ControllerMetrics(MeterRegistry registry, List<IngestSource> sources, List<CameraSource> cameras,
      @Nullable InspectionPipeline pipeline, ReviewQueue reviews, AlarmBoard alarms) {
    for (IngestSource s : sources) {
      FunctionCounter.builder("cellpilot.ingest.messages", s, x -> x.stats().messages())
          .tag("source", s.id()).description("MQTT messages received").register(registry);
      FunctionCounter.builder("cellpilot.ingest.values", s, x -> x.stats().values())
          .tag("source", s.id()).description("tag values delivered to the cell state").register(registry);
      FunctionCounter.builder("cellpilot.ingest.malformed", s, x -> x.stats().malformed())
          .tag("source", s.id()).description("messages refused as malformed").register(registry);
      Gauge.builder("cellpilot.source.connected", s, x -> x.connection().connected() ? 1 : 0)
          .tag("source", s.id()).register(registry);
    }
    for (CameraSource c : cameras) {
      FunctionCounter.builder("cellpilot.camera.images", c, x -> x.stats().values())
          .tag("camera", c.id()).register(registry);
      FunctionCounter.builder("cellpilot.camera.refused", c, x -> x.stats().malformed())
          .tag("camera", c.id()).register(registry);
    }
    if (pipeline != null) {
      FunctionCounter.builder("cellpilot.inspection.parts", pipeline, p -> p.counts().good())
          .tag("action", "pass").register(registry);
      FunctionCounter.builder("cellpilot.inspection.parts", pipeline, p -> p.counts().rejected())
          .tag("action", "reject").register(registry);
      FunctionCounter.builder("cellpilot.inspection.parts", pipeline, p -> p.counts().review())
          .tag("action", "review").register(registry);
      FunctionCounter.builder("cellpilot.inspection.dropped", pipeline, InspectionPipeline::dropped)
          .register(registry);
    }
    Gauge.builder("cellpilot.review.queue", reviews, ReviewQueue::size).register(registry);
    Gauge.builder("cellpilot.alarms.active", alarms, a -> a.list().size()).register(registry);
  }
}
