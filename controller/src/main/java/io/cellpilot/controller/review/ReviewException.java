package io.cellpilot.controller.review;

/** A review could not be queued or resolved; the message says why (full, unknown part, bad label). */
public final class ReviewException extends RuntimeException {
  public ReviewException(String message) {
    super(message);
  }
}
