package io.cellpilot.controller;

import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.health.HealthMonitor;
import io.cellpilot.controller.ingest.CameraSource;
import io.cellpilot.controller.ingest.IngestSource;
import io.cellpilot.controller.inspection.InspectionPipeline;
import io.cellpilot.controller.models.ModelPackageRefused;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.state.CellState;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the running cell once every bean exists: loads the configured model packages, connects the sources to the
 * cell state and the cameras to the inspection pipeline, and schedules the pipelines' periodic work.
 */
@Context
public class CellRuntime {
  private static final Logger log = LoggerFactory.getLogger(CellRuntime.class);

  private final ConfigTree config;
  private final CellState state;
  private final List<IngestSource> sources;
  private final List<CameraSource> cameras;
  private final InspectionPipeline pipeline;
  private final HealthMonitor health;
  private final ModelRegistry models;
  private final RobotControl robot;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
  private final List<CellPart> parts;
  private final List<CellPart> started = new ArrayList<>();

  public CellRuntime(ConfigTree config, CellState state, List<IngestSource> sources, List<CameraSource> cameras,
      @Nullable InspectionPipeline pipeline, HealthMonitor health, ModelRegistry models, RobotControl robot,
      @Named("cellpilot") ScheduledExecutorService scheduler, Clock clock, List<CellPart> parts) {
    this.robot = robot;
    this.parts = parts.stream().sorted(java.util.Comparator.comparingInt(CellPart::order)).toList();
    this.config = config;
    this.state = state;
    this.sources = sources;
    this.cameras = cameras;
    this.pipeline = pipeline;
    this.health = health;
    this.models = models;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @PostConstruct
  void start() {
    for (String id : config.ids("cellpilot.models")) {
      config.optionalString("cellpilot.models." + id + ".package").ifPresent(file -> {
        try {
          models.load(id, Path.of(file), "config");
        } catch (ModelPackageRefused e) {
          log.error("[{}] model package {} was not loaded at start: {}", id, file, e.getMessage());
        }
      });
    }
    // Publishers first, so that they see every event from the first connection on.
    parts.stream().filter(p -> p.order() < 0).forEach(this::startPart);
    sources.forEach(s -> s.start(state));
    for (CameraSource camera : cameras) {
      if (pipeline != null) {
        camera.start(pipeline);
      } else {
        log.warn("[{}] inspection is disabled: the camera's images are not used", camera.id());
      }
    }
    if (pipeline != null) {
      ticks.add(scheduler.scheduleWithFixedDelay(pipeline::tick, 100, 100, TimeUnit.MILLISECONDS));
    }
    parts.stream().filter(p -> p.order() >= 0).forEach(this::startPart);
    long period = config.duration("cellpilot.health.period").toMillis();
    ticks.add(scheduler.scheduleAtFixedRate(() -> {
      try {
        health.tick(clock.instant());
      } catch (RuntimeException e) {
        log.error("[health] scoring failed", e);
      }
    }, period, period, TimeUnit.MILLISECONDS));
    log.info("[cell] {}/{} running: {} source(s), {} camera(s), inspection {}", config.string("cellpilot.site"),
        config.string("cellpilot.cell"), sources.size(), cameras.size(), pipeline == null ? "off" : "on");
  }

  private void startPart(CellPart part) {
    if (part == CellPart.NONE) {
      return;
    }
    part.start();
    started.add(part);
    log.debug("[cell] {} started", part.name());
  }

  private void stopParts(boolean publishers) {
    for (int i = started.size() - 1; i >= 0; i--) {
      CellPart part = started.get(i);
      if ((part.order() < 0) == publishers) {
        try {
          part.stop();
        } catch (RuntimeException e) {
          log.warn("[cell] stopping {} failed", part.name(), e);
        }
      }
    }
  }

  /**
   * Shutdown in a fixed order, whatever order the container destroys beans in: the robot stopped first, then the
   * cell parts (robots closed, monitors), the periodic work, the cameras and sources, and the publishers last (all
   * before the embedded broker goes, so that nobody sees it vanish).
   */
  @PreDestroy
  void stop() {
    if (!config.ids("cellpilot.robots").isEmpty()) {
      RobotStatus status = robot.stop("controller shutting down");
      log.info("[cell] robot stopped for shutdown: {}", status.detail());
    }
    stopParts(false);
    ticks.forEach(t -> t.cancel(false));
    cameras.forEach(CameraSource::close);
    sources.forEach(IngestSource::close);
    // The status publishers last, so that the final events (robot stopped, line unknown) still go out.
    stopParts(true);
  }
}
