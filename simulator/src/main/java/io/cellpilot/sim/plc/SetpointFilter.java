package io.cellpilot.sim.plc;

import java.util.function.DoubleConsumer;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards a writable Double setpoint: Milo has already rejected wrong types (Bad_TypeMismatch) and read-only nodes
 * (Bad_NotWritable) before the write reaches this filter; here values outside {@code [min, max]} (and NaN) get
 * Bad_OutOfRange, and accepted ones go to the line.
 */
final class SetpointFilter implements AttributeFilter {
  private static final Logger log = LoggerFactory.getLogger(SetpointFilter.class);

  private final double min;
  private final double max;
  private final DoubleConsumer apply;

  SetpointFilter(double min, double max, DoubleConsumer apply) {
    this.min = min;
    this.max = max;
    this.apply = apply;
  }

  @Override
  public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value) throws UaException {
    if (attributeId == AttributeId.Value && value instanceof DataValue dv && dv.value().value() instanceof Double d) {
      if (!(d >= min && d <= max)) {
        log.info("[plc] speed setpoint {} refused: outside {} .. {} m/s", d, min, max);
        throw new UaException(StatusCodes.Bad_OutOfRange,
            "speed setpoint must be between " + min + " and " + max + " m/s, was " + d);
      }
      apply.accept(d);
    }
    ctx.setAttribute(attributeId, value);
  }
}
