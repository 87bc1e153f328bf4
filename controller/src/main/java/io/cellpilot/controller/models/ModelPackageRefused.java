package io.cellpilot.controller.models;

/** A model package was not loaded: unreadable, tampered (checksum or signature), or of the wrong kind. */
public class ModelPackageRefused extends Exception {
  public ModelPackageRefused(String message) {
    super(message);
  }

  public ModelPackageRefused(String message, Throwable cause) {
    super(message, cause);
  }
}
