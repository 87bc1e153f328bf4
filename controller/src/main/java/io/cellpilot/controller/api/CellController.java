package io.cellpilot.controller.api;

import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.cell.LineControl;
import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.health.HealthMonitor;
import io.cellpilot.controller.ingest.CameraSource;
import io.cellpilot.controller.ingest.IngestSource;
import io.cellpilot.controller.inspection.InspectionPipeline;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.review.ReviewQueue;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.events.InspectionCounts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cell at a glance: counts, tags with their age and staleness, sources, robot, models, alarms. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CellController {
  private final HttpAuth auth;
  private final ConfigTree config;
  private final CellState state;
  private final List<IngestSource> sources;
  private final List<CameraSource> cameras;
  private final InspectionPipeline pipeline;
  private final ReviewQueue reviews;
  private final AlarmBoard alarms;
  private final RobotControl robot;
  private final ModelRegistry models;
  private final LineControl line;
  private final HealthMonitor health;

  public CellController(HttpAuth auth, ConfigTree config, CellState state, List<IngestSource> sources,
      List<CameraSource> cameras, @Nullable InspectionPipeline pipeline, ReviewQueue reviews, AlarmBoard alarms,
      RobotControl robot, ModelRegistry models, LineControl line, HealthMonitor health) {
    this.auth = auth;
    this.config = config;
    this.state = state;
    this.sources = sources;
    this.cameras = cameras;
    this.pipeline = pipeline;
    this.reviews = reviews;
    this.alarms = alarms;
    this.robot = robot;
    this.models = models;
    this.line = line;
    this.health = health;
  }

  @Get("/cell")
  public Map<String, Object> cell(HttpRequest<?> request) {
    auth.requireRead(request);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("site", config.string("cellpilot.site"));
    out.put("cell", config.string("cellpilot.cell"));
    out.put("pausedBy", line.pausedBy().orElse(""));
    out.put("counts", pipeline == null ? InspectionCounts.ZERO : pipeline.counts());
    out.put("reviewQueue", reviews.size());
    out.put("alarms", alarms.list());
    out.put("robot", robot.status());
    out.put("models", models.list());
    out.put("machines", health.status());
    Map<String, Object> src = new LinkedHashMap<>();
    sources.forEach(s -> src.put(s.id(), Map.of("connection", s.connection(), "stats", s.stats())));
    cameras.forEach(c -> src.put(c.id(), Map.of("connection", c.connection(), "stats", c.stats())));
    out.put("sources", src);
    out.put("tags", tags());
    return out;
  }

  @Get("/tags")
  public Map<String, Object> tags(HttpRequest<?> request) {
    auth.requireRead(request);
    return tags();
  }

  private Map<String, Object> tags() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, TagReading> e : state.snapshot().entrySet()) {
      TagReading r = e.getValue();
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("value", r.value().orElse(null));
      t.put("quality", r.last() == null ? "NONE" : r.last().quality().name());
      t.put("ageMs", r.age().toMillis());
      t.put("stale", r.stale());
      out.put(e.getKey(), t);
    }
    return out;
  }
}
