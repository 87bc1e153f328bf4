package io.cellpilot.controller.ingest;

import java.time.Instant;

/**
 * One image from a camera, as received (bytes untouched, so its SHA-256 matches the camera's file).
 *
 * @param contentType e.g. {@code image/png}; empty when the camera did not say
 */
public record CameraImage(
    String cameraId, String partId, byte[] bytes, String contentType, Instant capturedAt, Instant receivedAt) {}
