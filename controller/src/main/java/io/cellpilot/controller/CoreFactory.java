package io.cellpilot.controller;

import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.config.ConfigSchema;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.inspection.RejectHandler;
import io.cellpilot.controller.models.ModelLoader;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagMaxAges;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InProcessEventBus;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The controller's core beans. The {@link Secondary} ones are the seams' defaults until the robot driver and the
 * vision library are wired: a bean of the same type elsewhere (or in a test) replaces them.
 */
@Factory
public class CoreFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  EventIds eventIds() {
    return EventIds.startingNow();
  }

  @Singleton
  CellEventBus eventBus() {
    return new InProcessEventBus();
  }

  @Singleton
  ControllerPaths paths(ConfigTree config) {
    return ControllerPaths.of(config);
  }

  /** Reconnect retries and the pipelines' periodic ticks. */
  @Singleton
  @Named("cellpilot")
  @Bean(preDestroy = "shutdownNow")
  ScheduledExecutorService scheduler() {
    return Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "cellpilot-scheduler");
      t.setDaemon(true);
      return t;
    });
  }

  @Singleton
  CellState cellState(ConfigTree config, Clock clock) {
    TagMaxAges ages = new TagMaxAges(Duration.parse("PT" + ConfigSchema.DEFAULT_TAG_MAX_AGE.toUpperCase()));
    for (String plc : config.ids("cellpilot.plcs")) {
      String base = "cellpilot.plcs." + plc;
      Duration plcAge = config.duration(base + ".max-age");
      for (String tag : config.ids(base + ".tags")) {
        ages.add(plc + "." + tag, config.optionalDuration(base + ".tags." + tag + ".max-age").orElse(plcAge));
      }
    }
    for (String source : config.ids("cellpilot.mqtt-sources")) {
      String base = "cellpilot.mqtt-sources." + source;
      Duration sourceAge = config.duration(base + ".max-age");
      for (String mapping : config.ids(base + ".mappings")) {
        String m = base + ".mappings." + mapping;
        ages.add(config.optionalString(m + ".tag").orElse(mapping),
            config.optionalDuration(m + ".max-age").orElse(sourceAge));
      }
    }
    return new CellState(clock, ages);
  }

  @Singleton
  AlarmBoard alarmBoard(CellEventBus events, EventIds ids, Clock clock) {
    return new AlarmBoard(events, ids, clock);
  }

  @Singleton
  @Secondary
  ModelLoader unwiredModelLoader() {
    return ModelLoader.UNWIRED;
  }

  @Singleton
  @Secondary
  RobotControl noRobot() {
    return RobotControl.NONE;
  }

  @Singleton
  @Secondary
  RejectHandler unwiredRejects() {
    return RejectHandler.UNWIRED;
  }

  @Singleton
  ModelRegistry modelRegistry(ConfigTree config, ModelLoader loader, ControllerPaths paths, CellEventBus events,
      EventIds ids, Clock clock) {
    Map<String, String> slots = new LinkedHashMap<>();
    for (String id : config.ids("cellpilot.models")) {
      slots.put(id, config.string("cellpilot.models." + id + ".kind").toLowerCase());
    }
    return new ModelRegistry(slots, loader, paths.modelDir(), events, ids, clock);
  }
}
