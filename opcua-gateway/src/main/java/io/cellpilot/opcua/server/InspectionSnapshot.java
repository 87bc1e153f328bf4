package io.cellpilot.opcua.server;

import java.time.Instant;

/** The inspection station: the last part's verdict and the counts since the controller started counting. */
public record InspectionSnapshot(String lastPartId, String lastVerdict, double lastScore, String lastAction,
                                 long inspected, long good, long rejected, long review, String modelVersion,
                                 Instant time) {}
