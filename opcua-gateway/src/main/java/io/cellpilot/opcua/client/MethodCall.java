package io.cellpilot.opcua.client;

import java.util.List;

/**
 * A method to call (OPC 10000-4 §5.11.2): the object it belongs to and the method, as node ids in text form
 * ({@code nsu=urn:cellpilot:sim:plc;s=Line1/Start()} preferred), with its input arguments as plain Java values.
 */
public record MethodCall(String objectId, String methodId, List<Object> inputs) {
  public MethodCall {
    inputs = List.copyOf(inputs);
  }

  public static MethodCall of(String objectId, String methodId, Object... inputs) {
    return new MethodCall(objectId, methodId, List.of(inputs));
  }
}
