package io.cellpilot.controller.review;

/**
 * A part waiting for an operator, with what the controller knew when it asked.
 *
 * @param imageFile the image's file name inside the queue folder
 */
public record ReviewItem(
    String partId,
    String time,
    double score,
    double threshold,
    String modelVersion,
    String action,
    String reason,
    String imageSha256,
    String imageFile) {}
