package io.cellpilot.sim.plc;

import io.cellpilot.sim.line.Outcome;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.methods.InvalidArgumentException;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the line's methods (Start, Stop, Reset, RequestStop, Release). Milo has already checked the argument count
 * and types (Bad_ArgumentsMissing, Bad_TypeMismatch); this handler rejects empty text arguments and turns the
 * line's outcome into the status code the wire contract names.
 */
final class LineMethod extends AbstractMethodInvocationHandler {
  private static final Logger log = LoggerFactory.getLogger(LineMethod.class);

  private final Argument[] inputs;
  private final Function<Variant[], Outcome> action;

  LineMethod(UaMethodNode node, Argument[] inputs, Function<Variant[], Outcome> action) {
    super(node);
    this.inputs = inputs;
    this.action = action;
  }

  @Override
  public Argument[] getInputArguments() {
    return inputs;
  }

  @Override
  public Argument[] getOutputArguments() {
    return new Argument[0];
  }

  @Override
  protected void validateInputArgumentValues(Variant[] values) throws InvalidArgumentException {
    StatusCode[] results = new StatusCode[values.length];
    boolean bad = false;
    for (int i = 0; i < values.length; i++) {
      Object v = values[i].value();
      boolean empty = v == null || (v instanceof String s && s.isBlank());
      results[i] = empty ? new StatusCode(StatusCodes.Bad_InvalidArgument) : StatusCode.GOOD;
      bad |= empty;
    }
    if (bad) {
      throw new InvalidArgumentException(results);
    }
  }

  @Override
  protected Variant[] invoke(InvocationContext context, Variant[] values) throws UaException {
    Outcome outcome = action.apply(values);
    if (outcome.ok()) {
      return new Variant[0];
    }
    log.info("[plc] {} refused: {}", getNode().getBrowseName().name(), outcome.message());
    throw new UaException(statusFor(outcome.status()), outcome.message());
  }

  static long statusFor(Outcome.Status status) {
    return switch (status) {
      case OK -> StatusCodes.Good;
      case INVALID_STATE -> StatusCodes.Bad_InvalidState;
      case NOT_FOUND -> StatusCodes.Bad_NotFound;
      case INVALID_ARGUMENT -> StatusCodes.Bad_InvalidArgument;
    };
  }
}
