package io.cellpilot.opcua.client;

import io.cellpilot.opcua.OpcStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;

/**
 * Reads, writes and method calls with one result per item: a bad item never fails the batch, and a failed service
 * call turns into a bad result for each of its items.
 */
final class TagOperations {
  private TagOperations() {}

  static CompletableFuture<List<TagValue>> read(OpcUaClient client, List<TagState> tags) {
    List<ReadValueId> ids = new ArrayList<>();
    for (TagState tag : tags) {
      ids.add(new ReadValueId(tag.nodeId(), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE));
    }
    return client.readAsync(0.0, TimestampsToReturn.Both, ids).handle((response, error) -> {
      List<TagValue> values = new ArrayList<>(tags.size());
      DataValue[] results = error == null ? response.getResults() : null;
      for (int i = 0; i < tags.size(); i++) {
        TagState tag = tags.get(i);
        values.add(results != null ? tag.toTagValue(results[i])
            : TagValue.bad(tag.ref, Quality.commFailure("read failed: " + rootMessage(error)),
                tag.config.unit().orElse(null)));
      }
      return values;
    });
  }

  /** Reads the DataType attribute of tags that do not know theirs yet, so that writes can convert numbers. */
  static CompletableFuture<Void> learnDataTypes(OpcUaClient client, List<TagState> tags) {
    List<TagState> unknown = tags.stream().filter(t -> t.dataType() == null).toList();
    if (unknown.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<ReadValueId> ids = unknown.stream()
        .map(t -> new ReadValueId(t.nodeId(), AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE)).toList();
    return client.readAsync(0.0, TimestampsToReturn.Neither, ids).handle((response, error) -> {
      if (error == null) {
        DataValue[] results = response.getResults();
        for (int i = 0; i < unknown.size(); i++) {
          if (results[i].statusCode().isGood() && results[i].value().value() instanceof NodeId type) {
            unknown.get(i).dataType(type);
          }
        }
      }
      return null;
    });
  }

  static CompletableFuture<List<WriteResult>> write(OpcUaClient client, List<TagState> tags, List<Object> values) {
    List<WriteValue> writes = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      TagState tag = tags.get(i);
      Object value = values.get(i);
      if (tag.config.scaling().isPresent() && value instanceof Number n) {
        value = tag.config.scaling().get().toRaw(n.doubleValue());
      }
      Variant variant = Values.toVariant(value, tag.dataType());
      writes.add(new WriteValue(tag.nodeId(), AttributeId.Value.uid(), null, DataValue.valueOnly(variant)));
    }
    return client.writeAsync(writes).handle((response, error) -> {
      List<WriteResult> results = new ArrayList<>(tags.size());
      StatusCode[] codes = error == null ? response.getResults() : null;
      for (int i = 0; i < tags.size(); i++) {
        results.add(codes != null
            ? new WriteResult(tags.get(i).ref, OpcStatus.of(codes[i].value()), describe(codes[i].value()))
            : new WriteResult(tags.get(i).ref, OpcStatus.of(StatusCodes.Bad_CommunicationError),
                "write failed: " + rootMessage(error)));
      }
      return results;
    });
  }

  static CompletableFuture<List<CallResult>> call(OpcUaClient client, List<MethodCall> calls) {
    List<CallMethodRequest> requests = new ArrayList<>();
    List<Integer> sent = new ArrayList<>();
    CallResult[] results = new CallResult[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      MethodCall call = calls.get(i);
      Optional<NodeId> object = nodeId(client, call.objectId());
      Optional<NodeId> method = nodeId(client, call.methodId());
      if (object.isEmpty() || method.isEmpty()) {
        results[i] = new CallResult(call, OpcStatus.of(StatusCodes.Bad_NodeIdUnknown), List.of(), List.of(),
            "cannot resolve " + (object.isEmpty() ? call.objectId() : call.methodId()) + " on this server");
        continue;
      }
      Variant[] inputs = call.inputs().stream().map(v -> Values.toVariant(v, null)).toArray(Variant[]::new);
      requests.add(new CallMethodRequest(object.get(), method.get(), inputs));
      sent.add(i);
    }
    if (requests.isEmpty()) {
      return CompletableFuture.completedFuture(Arrays.asList(results));
    }
    return client.callAsync(requests).handle((response, error) -> {
      CallMethodResult[] answers = error == null ? response.getResults() : null;
      for (int k = 0; k < sent.size(); k++) {
        int i = sent.get(k);
        results[i] = answers != null ? toCallResult(calls.get(i), answers[k])
            : new CallResult(calls.get(i), OpcStatus.of(StatusCodes.Bad_CommunicationError), List.of(), List.of(),
                "call failed: " + rootMessage(error));
      }
      return Arrays.asList(results);
    });
  }

  private static CallResult toCallResult(MethodCall call, CallMethodResult answer) {
    List<Object> outputs = answer.getOutputArguments() == null ? List.of()
        : Arrays.stream(answer.getOutputArguments()).map(Values::toJava).toList();
    List<OpcStatus> inputResults = answer.getInputArgumentResults() == null ? List.of()
        : Arrays.stream(answer.getInputArgumentResults()).map(s -> OpcStatus.of(s.value())).toList();
    long code = answer.getStatusCode().value();
    return new CallResult(call, OpcStatus.of(code), outputs, inputResults, describe(code));
  }

  private static Optional<NodeId> nodeId(OpcUaClient client, String text) {
    try {
      return ExpandedNodeId.parse(text).toNodeId(client.getNamespaceTable());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String describe(long code) {
    return StatusCodes.lookup(code).map(parts -> parts.length > 1 ? parts[1] : "").orElse("");
  }

  static String rootMessage(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
