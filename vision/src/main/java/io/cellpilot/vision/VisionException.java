package io.cellpilot.vision;

/** The one exception type of the vision module; {@link #reason()} says which kind of input or state was wrong. */
public final class VisionException extends RuntimeException {

  /** Why an operation was refused. */
  public enum Reason {
    CORRUPT_IMAGE,
    UNSUPPORTED_IMAGE,
    WRONG_DIMENSIONS,
    INVALID_VALUE,
    DATASET_INVALID,
    PACKAGE_INVALID,
    CHECKSUM_MISMATCH,
    SIGNATURE_INVALID,
    /** No part, or no clear orientation mark, where the model needs to register the part first. */
    NO_PART,
    OVERLOADED,
    CLOSED
  }

  private final Reason reason;

  public VisionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public VisionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    return reason + ": " + super.getMessage();
  }
}
