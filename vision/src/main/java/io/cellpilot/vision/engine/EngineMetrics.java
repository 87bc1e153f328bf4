package io.cellpilot.vision.engine;

/**
 * Counters of an engine since it started, for the controller to export.
 *
 * @param inspected images that got a verdict
 * @param defective verdicts with {@code defective == true}
 * @param rejectedImages images refused before inference (corrupt, unsupported, wrong dimensions), counted by reason
 *     in the logs
 * @param rejectedOverload images refused because the queue was full
 * @param failures inference calls that threw (each image of the batch is counted)
 * @param batches network calls
 * @param latency submission-to-verdict latency
 * @param inferenceSeconds total time spent inside network calls
 * @param uptimeSeconds since the engine started
 */
public record EngineMetrics(
    long inspected,
    long defective,
    long rejectedImages,
    long rejectedOverload,
    long failures,
    long batches,
    LatencyHistogram.Snapshot latency,
    double inferenceSeconds,
    double uptimeSeconds) {

  /** Mean images per network call. */
  public double meanBatchSize() {
    return batches == 0 ? 0 : (double) (inspected + failures) / batches;
  }

  /** Verdicts per second since start. */
  public double throughputPerSecond() {
    return uptimeSeconds <= 0 ? 0 : inspected / uptimeSeconds;
  }
}
