package io.cellpilot.controller.metrics;

import io.cellpilot.controller.plc.PlcIngestSource;
import io.cellpilot.controller.robot.RobotFleet;
import io.cellpilot.controller.robot.RobotUnit;
import io.cellpilot.controller.status.StatusPublishers;
import io.cellpilot.robot.guard.RejectReason;
import io.cellpilot.status.StatusService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The wired devices' figures on the Prometheus endpoint: PLC values that arrived bad, each robot's connection,
 * readiness and guard rejections per reason, and the status publishers' outbox. Read from the components when scraped.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class WiringMetrics {

  public WiringMetrics(MeterRegistry registry, List<PlcIngestSource> plcs, RobotFleet robots,
      @Nullable StatusPublishers status) {
    for (PlcIngestSource plc : plcs) {
      FunctionCounter.builder("cellpilot.plc.bad.values", plc, PlcIngestSource::badValues).tag("plc", plc.id())
          .description("PLC values delivered BAD (connection lost, node unknown, bad status)").register(registry);
    }
    for (RobotUnit robot : robots.units()) {
      Gauge.builder("cellpilot.robot.connected", robot, r -> r.status().connected() ? 1 : 0)
          .tag("robot", robot.id()).register(registry);
      Gauge.builder("cellpilot.robot.ready", robot, r -> r.status().ready() ? 1 : 0)
          .tag("robot", robot.id()).description("ready for a reject pick").register(registry);
      for (RejectReason reason : RejectReason.values()) {
        FunctionCounter.builder("cellpilot.robot.guard.rejections", robot,
                r -> r.guardRejections().count(reason))
            .tag("robot", robot.id()).tag("reason", reason.name()).register(registry);
      }
    }
    if (status != null) {
      outbox(registry, status, "cellpilot.status.outbox.bytes", s -> s.outbox().bytes());
      outbox(registry, status, "cellpilot.status.outbox.dropped", s -> s.outbox().dropped());
      outbox(registry, status, "cellpilot.status.append.failures", s -> s.appendFailures());
    }
  }

  private static void outbox(MeterRegistry registry, StatusPublishers status, String name,
      ToDoubleFunction<StatusService.Stats> figure) {
    Gauge.builder(name, status, p -> p.stats().map(figure::applyAsDouble).orElse(Double.NaN)).register(registry);
  }
}
