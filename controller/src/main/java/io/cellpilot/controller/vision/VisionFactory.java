package io.cellpilot.controller.vision;

import io.cellpilot.controller.CoreFactory;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.models.ModelLoader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the vision library into the controller: the model loader the registry uses for every
 * {@code cellpilot.models.<id>} package, from {@code cellpilot.vision.*}. It replaces the core's unwired loader and
 * stays {@link Secondary}, so a test's own loader still wins.
 */
@Factory
public class VisionFactory {
  private static final Logger log = LoggerFactory.getLogger(VisionFactory.class);

  @Singleton
  @Secondary
  @Replaces(bean = ModelLoader.class, factory = CoreFactory.class)
  @Bean(preDestroy = "close")
  VisionModelLoader visionModelLoader(ConfigTree config, @Nullable MeterRegistry registry) {
    VisionSettings settings = VisionSettings.of(config);
    if (settings.trustedKey().isEmpty() && !config.ids("cellpilot.models").isEmpty()) {
      log.warn("[vision] cellpilot.vision.trusted-key is not set: model packages are checked against their own "
          + "SHA-256 only, so anyone who can write a package file can change the model");
    }
    return new VisionModelLoader(settings.readTrustedKey().orElse(null), settings.engine(), settings.learnOnSite(),
        new VisionMetrics(registry != null ? registry : new SimpleMeterRegistry()));
  }
}
