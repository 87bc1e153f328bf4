package io.cellpilot.controller;

import io.cellpilot.controller.config.ConfigFile;
import io.cellpilot.controller.config.ConfigValidator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the edge service from the integrator's configuration file: reads it, validates every {@code cellpilot.} key
 * (a wrong key or value throws {@link io.cellpilot.controller.config.ConfigException} before anything connects),
 * then starts the Micronaut application with the HTTP server.
 */
public final class ControllerLauncher {
  private ControllerLauncher() {}

  public static ApplicationContext start(Path configFile) {
    Map<String, Object> flat = ConfigFile.read(configFile);
    ConfigValidator.validate(flat);
    return Micronaut.build(new String[0])
        .deduceEnvironment(false)
        .banner(false)
        .propertySources(PropertySource.of("cellpilot-config:" + configFile, flat))
        .start();
  }
}
