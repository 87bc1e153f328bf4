package io.cellpilot.vision.engine;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;

/**
 * Sizing of the inference engine.
 *
 * @param workers threads, each with its own copy of the network (DL4J networks are not thread-safe)
 * @param maxBatch most images one network call takes when parts queue up
 * @param queueCapacity images waiting at most; beyond it submissions are refused (OVERLOADED), not queued forever
 * @param heatMaps whether verdicts carry heat maps (unsupervised models only)
 */
public record EngineConfig(int workers, int maxBatch, int queueCapacity, boolean heatMaps) {
  public EngineConfig {
    if (workers < 1 || workers > 64) {
      throw new VisionException(Reason.INVALID_VALUE, "cellpilot.vision.workers must be 1..64, was " + workers);
    }
    if (maxBatch < 1 || maxBatch > 256) {
      throw new VisionException(Reason.INVALID_VALUE, "cellpilot.vision.max-batch must be 1..256, was " + maxBatch);
    }
    if (queueCapacity < 1) {
      throw new VisionException(Reason.INVALID_VALUE,
          "cellpilot.vision.queue-capacity must be >= 1, was " + queueCapacity);
    }
  }

  public static EngineConfig defaults() {
    return new EngineConfig(1, 16, 256, true);
  }
}
