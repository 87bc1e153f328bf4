package io.cellpilot.vision.health;

/**
 * The detector's state after one sample.
 *
 * @param score the latest window's score (0 while learning; NaN for an invalid sample)
 * @param alarm whether the alarm is active (kept as it was on an invalid sample)
 * @param phase LEARNING during probation, SCORING after, INVALID for a sample that was refused
 * @param cause the channel and feature with the highest score, e.g. {@code vibration.mean drift}, or empty
 */
public record HealthReading(long timestamp, double score, boolean alarm, Phase phase, String cause) {
  /** Where the detector is. */
  public enum Phase { LEARNING, SCORING, INVALID }
}
