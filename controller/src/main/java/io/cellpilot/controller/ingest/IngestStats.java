package io.cellpilot.controller.ingest;

import java.util.Map;

/**
 * What a source has received since start.
 *
 * @param malformedByTopic refused messages per topic, e.g. {@code factory/line1/press/vibration -> 3}
 */
public record IngestStats(long messages, long values, long malformed, Map<String, Long> malformedByTopic) {}
