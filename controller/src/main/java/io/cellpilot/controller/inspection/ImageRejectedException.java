package io.cellpilot.controller.inspection;

/** The model could not use the image (corrupt, wrong format or size); the message says which. */
public class ImageRejectedException extends Exception {
  public ImageRejectedException(String message) {
    super(message);
  }

  public ImageRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
