package io.cellpilot.opcua.client;

import io.cellpilot.opcua.OpcStatus;
import io.cellpilot.opcua.config.PlcConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;

/**
 * Splits a batch by tag into what can be answered at once (unknown tag, not connected, node not found) and what goes
 * to the server, then puts the answers back in request order.
 */
final class Batches {
  private Batches() {}

  /** @param client the connected client, or null when not connected */
  static CompletableFuture<List<TagValue>> read(List<String> names, Map<String, TagState> tags, OpcUaClient client,
      PlcConfig config, Function<String, TagValue> notConfigured) {
    TagValue[] results = new TagValue[names.size()];
    List<TagState> send = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      TagState tag = tags.get(names.get(i));
      if (tag == null) {
        results[i] = notConfigured.apply(names.get(i));
      } else if (client == null) {
        results[i] = TagValue.bad(tag.ref, Quality.commFailure("not connected to " + config.endpoint()),
            tag.config.unit().orElse(null));
      } else if (tag.nodeId() == null) {
        results[i] = tag.current();
      } else {
        send.add(tag);
        where.add(i);
      }
    }
    if (send.isEmpty()) {
      return CompletableFuture.completedFuture(Arrays.asList(results));
    }
    return TagOperations.read(client, send).thenApply(values -> {
      for (int k = 0; k < values.size(); k++) {
        results[where.get(k)] = values.get(k);
      }
      return Arrays.asList(results);
    });
  }

  /** @param client the connected client, or null when not connected */
  static CompletableFuture<List<WriteResult>> write(List<TagWrite> writes, Map<String, TagState> tags,
      OpcUaClient client, PlcConfig config) {
    WriteResult[] results = new WriteResult[writes.size()];
    List<TagState> send = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      TagState tag = tags.get(writes.get(i).tag());
      TagRef ref = new TagRef(config.id(), writes.get(i).tag());
      if (tag == null) {
        results[i] = new WriteResult(ref, OpcStatus.of(StatusCodes.Bad_NodeIdUnknown), config.key() + ".tags."
            + writes.get(i).tag() + " is not configured");
      } else if (client == null) {
        results[i] = new WriteResult(ref, OpcStatus.of(StatusCodes.Bad_ServerNotConnected),
            "not connected to " + config.endpoint());
      } else if (tag.nodeId() == null) {
        results[i] = new WriteResult(ref, tag.current().quality().status(), tag.current().quality().detail());
      } else {
        send.add(tag);
        values.add(writes.get(i).value());
        where.add(i);
      }
    }
    if (send.isEmpty()) {
      return CompletableFuture.completedFuture(Arrays.asList(results));
    }
    return TagOperations.learnDataTypes(client, send)
        .thenCompose(v -> TagOperations.write(client, send, values))
        .thenApply(written -> {
          for (int k = 0; k < written.size(); k++) {
            results[where.get(k)] = written.get(k);
          }
          return Arrays.asList(results);
        });
  }
}
