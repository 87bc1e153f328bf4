package io.cellpilot.controller.inspection;

import io.cellpilot.controller.ControllerPaths;
import io.cellpilot.controller.cell.LineControl;
import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.review.ReviewQueue;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The inspection pipeline and what it writes to: the review queue and the decision log. */
@Factory
public class InspectionFactory {

  @Singleton
  ReviewQueue reviewQueue(ConfigTree config, ControllerPaths paths) {
    return new ReviewQueue(paths.dataDir(), config.integer("cellpilot.review.capacity"));
  }

  @Singleton
  @Bean(preDestroy = "close")
  DecisionLog decisionLog(ConfigTree config, ControllerPaths paths) {
    return new DecisionLog(paths.decisionsFile(), config.integer("cellpilot.decisions.recent"));
  }

  @Singleton
  @Requires(property = "cellpilot.inspection.enabled", notEquals = "false")
  @Bean(preDestroy = "close")
  InspectionPipeline pipeline(ConfigTree config, CellState state, ModelRegistry models, RobotControl robot,
      RejectHandler rejects, LineControl line, ReviewQueue reviews, DecisionLog decisions, CellEventBus events,
      EventIds ids, Clock clock) {
    return new InspectionPipeline(settings(config), state, models, robot, rejects, line, reviews, decisions, events,
        ids, clock);
  }

  static InspectionSettings settings(ConfigTree config) {
    String present = config.string("cellpilot.inspection.part-present-tag");
    String partId = config.string("cellpilot.inspection.part-id-tag");
    Set<String> required = new LinkedHashSet<>(List.of(present, partId));
    required.addAll(config.list("cellpilot.inspection.required-tags"));
    String model = config.optionalString("cellpilot.inspection.model").orElseGet(() -> onlyInspectionModel(config));
    return new InspectionSettings(model, present, partId, new ArrayList<>(required),
        config.duration("cellpilot.inspection.pairing-timeout"),
        config.optionalDecimal("cellpilot.inspection.threshold").orElse(Double.NaN),
        config.decimal("cellpilot.inspection.uncertain-band"));
  }

  private static String onlyInspectionModel(ConfigTree config) {
    List<String> ids = config.ids("cellpilot.models").stream()
        .filter(id -> config.string("cellpilot.models." + id + ".kind").equalsIgnoreCase("inspection"))
        .toList();
    return ids.isEmpty() ? "inspection" : ids.get(0);
  }
}
