package io.cellpilot.sim.plc;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/** A real Milo client with the few calls the PLC tests need; node ids are the wire contract's {@code s=} strings. */
public final class PlcTestClient implements AutoCloseable {

  public final OpcUaClient client;
  public final int ns;

  private PlcTestClient(OpcUaClient client) {
    this.client = client;
    this.ns = client.getNamespaceTable().getIndex(PlcServer.namespaceUri()).intValue();
  }

  /** Connects anonymously without security. */
  public static PlcTestClient connect(String url) throws Exception {
    OpcUaClient c = OpcUaClient.create(url);
    c.connect();
    return new PlcTestClient(c);
  }

  /** Connects to the first endpoint {@code select} accepts, with extra client settings (certificate, identity). */
  public static PlcTestClient connect(String url, java.util.function.Predicate<EndpointDescription> select,
      Consumer<OpcUaClientConfigBuilder> configure) throws Exception {
    OpcUaClient c = OpcUaClient.create(url, eps -> eps.stream().filter(select).findFirst(), t -> {},
        b -> configure.accept(b.setRequestTimeout(uint(10_000))));
    c.connect();
    return new PlcTestClient(c);
  }

  public NodeId node(String id) {
    return new NodeId(ns, id);
  }

  public DataValue read(String id) throws Exception {
    return client.readValue(0, TimestampsToReturn.Both, node(id));
  }

  public Object value(String id) throws Exception {
    return read(id).value().value();
  }

  public StatusCode write(String id, Variant value) throws Exception {
    return client.writeValues(List.of(node(id)), List.of(DataValue.valueOnly(value))).get(0);
  }

  public CallMethodResult call(String objectId, String methodId, Variant... args) throws Exception {
    CallMethodRequest request = new CallMethodRequest(node(objectId), node(methodId), args);
    return Objects.requireNonNull(client.call(List.of(request)).getResults())[0];
  }

  /** Browse names of the objects, variables and methods below {@code nodeId}. */
  public List<String> browse(NodeId nodeId) throws Exception {
    BrowseResult result = client.browse(new BrowseDescription(nodeId, BrowseDirection.Forward,
        NodeIds.HierarchicalReferences, true,
        uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue() | NodeClass.Method.getValue()),
        uint(BrowseResultMask.All.getValue())));
    List<String> names = new ArrayList<>();
    Arrays.stream(Objects.requireNonNullElse(result.getReferences(), new ReferenceDescription[0]))
        .forEach(r -> names.add(r.getBrowseName().name()));
    return names;
  }

  @Override
  public void close() throws Exception {
    client.disconnect();
  }
}
