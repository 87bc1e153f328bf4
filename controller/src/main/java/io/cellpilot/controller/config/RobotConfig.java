package io.cellpilot.controller.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/** One robot ({@code cellpilot.robots.<id>}); the UR driver binds its ports and limits when it is wired. */
@EachProperty("cellpilot.robots")
public record RobotConfig(@Parameter String id, @Nullable String host) {}
