package io.cellpilot.controller.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/** One PLC ({@code cellpilot.plcs.<id>}); its tags are read from {@link ConfigTree} under {@code .tags}. */
@EachProperty("cellpilot.plcs")
public record PlcConfig(@Parameter String id, @Nullable String endpointUrl, @Nullable String namespaceUri) {}
