package io.cellpilot.vision.health;

/** What probation learned: per feature (channel mean, channel spread, in channel order) the median and robust scale. */
public record HealthProfile(double[] median, double[] scale) {}
