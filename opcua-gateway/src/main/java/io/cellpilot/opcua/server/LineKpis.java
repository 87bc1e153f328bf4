package io.cellpilot.opcua.server;

import java.time.Instant;

/** The line's state and OEE with its parts (availability x performance x quality, each 0..1). */
public record LineKpis(String state, double availability, double performance, double quality, double oee,
                       long goodParts, long totalParts, Instant time) {}
