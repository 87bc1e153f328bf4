package io.cellpilot.controller.plc;

import io.cellpilot.commands.CommandResult;
import io.cellpilot.controller.cell.LineActuator;
import io.cellpilot.opcua.client.CallResult;
import io.cellpilot.opcua.client.MethodCall;
import io.cellpilot.opcua.client.PlcClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, stops and resets the line with the PLC's methods (OPC 10000-4 5.11.2 Call), e.g. {@code Line1/Start()} on
 * the object {@code Line1}. The PLC's status code is the answer: {@code Bad_InvalidState} for a start while faulted
 * is passed on to the operator as it is.
 */
public final class PlcLineActuator implements LineActuator {
  private static final Logger log = LoggerFactory.getLogger(PlcLineActuator.class);

  private final PlcClient plc;
  private final LineSettings line;

  public PlcLineActuator(PlcClient plc, LineSettings line) {
    this.plc = plc;
    this.line = line;
  }

  @Override
  public CommandResult start() {
    return call(line.startMethod());
  }

  @Override
  public CommandResult stop() {
    return call(line.stopMethod());
  }

  @Override
  public CommandResult reset() {
    return call(line.resetMethod());
  }

  private CommandResult call(String method) {
    try {
      CallResult r = plc.call(List.of(MethodCall.of(line.object(), method))).get(0);
      if (r.isGood()) {
        log.info("[{}] {} called", plc.id(), method);
        return CommandResult.ok();
      }
      log.warn("[{}] {} refused: {} {}", plc.id(), method, r.status().name(), r.detail());
      return CommandResult.failed("the PLC answered " + method + " with " + r.status().name()
          + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
    } catch (RuntimeException e) {
      log.warn("[{}] {} failed", plc.id(), method, e);
      return CommandResult.failed(method + " could not be called: " + e.getMessage());
    }
  }
}
