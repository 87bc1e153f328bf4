package io.cellpilot.opcua;

import org.eclipse.milo.opcua.stack.core.StatusCodes;

/**
 * An OPC UA status code with its symbolic name (OPC 10000-4 §7.39 / Part 6 Annex A), e.g. {@code Bad_TypeMismatch}.
 * Kept free of Milo types so that callers need not depend on Milo.
 */
public record OpcStatus(long code, String name) {

  public static final OpcStatus GOOD = of(StatusCodes.Good);

  /** The status for a raw 32-bit code, named from the OPC UA status code table. */
  public static OpcStatus of(long code) {
    String name = StatusCodes.lookup(code).map(parts -> parts[0])
        .orElseGet(() -> String.format("0x%08X", code));
    return new OpcStatus(code, name);
  }

  /** Severity bits 00 (OPC 10000-4 §7.39.1). */
  public boolean isGood() {
    return (code & 0xC0000000L) == 0;
  }

  /** Severity bits 01. */
  public boolean isUncertain() {
    return (code & 0xC0000000L) == 0x40000000L;
  }

  /** Severity bit 1x. */
  public boolean isBad() {
    return (code & 0x80000000L) != 0;
  }

  @Override
  public String toString() {
    return name;
  }
}
