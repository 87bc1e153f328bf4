package io.cellpilot.opcua.client;

/** A value to write to a configured tag; in engineering units when the tag is scaled. */
public record TagWrite(String tag, Object value) {}
