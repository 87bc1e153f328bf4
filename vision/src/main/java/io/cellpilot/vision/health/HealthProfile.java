package io.cellpilot.vision.health;

/**
 * What probation learned, per feature (channel mean, channel spread, in channel order): the median, the robust scale,
 * and the drift chart's calibrated spread ({@code ewmaStd}, null for the textbook value).
 */
public record HealthProfile(double[] median, double[] scale, double[] ewmaStd) {}
