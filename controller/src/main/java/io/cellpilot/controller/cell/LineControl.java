package io.cellpilot.controller.cell;

import io.cellpilot.commands.CommandResult;
import java.util.Optional;

/**
 * The line as the controller sees and steers it: its state as the PLC last reported it, and an operator's pause of
 * the controller's own actions (no rejects, every part held for an operator). With a PLC wired and
 * {@code cellpilot.line.plc-control} on, pausing also stops the line at the PLC and resuming starts it again.
 */
public final class LineControl {
  private final LineActuator actuator;
  private volatile String pausedBy = "";
  private volatile String state = "UNKNOWN";

  public LineControl() {
    this(LineActuator.NONE);
  }

  public LineControl(LineActuator actuator) {
    this.actuator = actuator;
  }

  /** Holds the controller's actions at once, then asks the PLC to stop the line; the result is the PLC's answer. */
  public CommandResult pause(String user) {
    pausedBy = user;
    return actuator.stop();
  }

  /** Lets the controller act again, then asks the PLC to start the line; the result is the PLC's answer. */
  public CommandResult resume() {
    pausedBy = "";
    return actuator.start();
  }

  /** Asks the PLC to reset a faulted line (it stays stopped until started). */
  public CommandResult reset() {
    return actuator.reset();
  }

  /** Who paused, when paused. */
  public Optional<String> pausedBy() {
    return pausedBy.isEmpty() ? Optional.empty() : Optional.of(pausedBy);
  }

  /** STOPPED, RUNNING, FAULTED, or UNKNOWN while the PLC cannot be read (or no PLC reports it). */
  public String state() {
    return state;
  }

  /** Called by whatever watches the PLC's line state. */
  public void reportState(String newState) {
    state = newState;
  }
}
