package io.cellpilot.controller.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/** One camera ({@code cellpilot.cameras.<id>}), over MQTT or a watched folder. */
@EachProperty("cellpilot.cameras")
public record CameraConfig(@Parameter String id, String type) {}
