package io.cellpilot.controller.cell;

import io.cellpilot.commands.CommandResult;

/**
 * What moves the line itself: the PLC's start, stop and reset (OPC UA method calls once the gateway is wired). The
 * controller only asks; the PLC decides and answers, and its answer is passed on to the operator.
 */
public interface LineActuator {

  CommandResult start();

  CommandResult stop();

  CommandResult reset();

  /** No PLC runs the line: pausing only holds the controller's own actions. */
  LineActuator NONE = new LineActuator() {
    @Override
    public CommandResult start() {
      return CommandResult.ok();
    }

    @Override
    public CommandResult stop() {
      return CommandResult.ok();
    }

    @Override
    public CommandResult reset() {
      return CommandResult.rejected("no PLC runs the line in this configuration");
    }
  };
}
