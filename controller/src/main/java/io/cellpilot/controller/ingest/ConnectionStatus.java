package io.cellpilot.controller.ingest;

/** Whether a source is connected to its peer, and a sentence for operators when it is not. */
public record ConnectionStatus(boolean connected, String detail) {
  public static ConnectionStatus up(String detail) {
    return new ConnectionStatus(true, detail);
  }

  public static ConnectionStatus down(String detail) {
    return new ConnectionStatus(false, detail);
  }
}
