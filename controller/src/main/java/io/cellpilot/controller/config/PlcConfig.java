package io.cellpilot.controller.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One PLC ({@code cellpilot.plcs.<id>}): one bean per configured PLC. Its settings are read from {@link ConfigTree}
 * and mapped onto the OPC UA gateway's configuration by {@code io.cellpilot.controller.plc.PlcSettings}.
 */
@EachProperty("cellpilot.plcs")
public record PlcConfig(@Parameter String id) {}
