package io.cellpilot.controller.cell;

import java.util.Optional;

/**
 * Pausing the controller's own actions (no rejects, every part held for an operator) until resumed. When the gateway
 * is wired this also calls the PLC's {@code Line1/Stop()}/{@code Start()}; today it pauses the controller only.
 */
public final class LineControl {
  private volatile String pausedBy = "";

  public void pause(String user) {
    pausedBy = user;
  }

  public void resume() {
    pausedBy = "";
  }

  /** Who paused, when paused. */
  public Optional<String> pausedBy() {
    return pausedBy.isEmpty() ? Optional.empty() : Optional.of(pausedBy);
  }
}
