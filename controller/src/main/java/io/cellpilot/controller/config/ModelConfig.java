package io.cellpilot.controller.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/** One model slot ({@code cellpilot.models.<id>}): its kind and the package loaded at start. */
@EachProperty("cellpilot.models")
public record ModelConfig(@Parameter String id, String kind, @Nullable String packagePath) {}
