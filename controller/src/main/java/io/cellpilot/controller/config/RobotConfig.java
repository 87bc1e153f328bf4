package io.cellpilot.controller.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One robot ({@code cellpilot.robots.<id>}): one bean per configured robot. Its settings are read from
 * {@link ConfigTree} by {@code io.cellpilot.controller.robot.RobotSettings}.
 */
@EachProperty("cellpilot.robots")
public record RobotConfig(@Parameter String id) {}
