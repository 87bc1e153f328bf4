package io.cellpilot.controller.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/** One MQTT sensor source ({@code cellpilot.mqtt-sources.<id>}); mappings are read from {@link ConfigTree}. */
@EachProperty("cellpilot.mqtt-sources")
public record MqttSourceConfig(@Parameter String id) {}
