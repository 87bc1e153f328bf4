package io.cellpilot.controller.plc;

import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.opcua.client.CallResult;
import io.cellpilot.opcua.client.MethodCall;
import io.cellpilot.opcua.client.PlcClient;
import io.cellpilot.robot.routine.ConveyorHandshake;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pick handshake of docs/wire-contracts.md over OPC UA: {@code RequestStop(partId)} asks the PLC to hold the part
 * at the pick position, the part counts as held once {@code Holding} is true and {@code HeldPartId} names it (both
 * fresh in the cell state), and {@code Release()} lets the belt go on. A stale or BAD tag never counts as held.
 */
public final class OpcUaConveyorHandshake implements ConveyorHandshake {
  private static final Logger log = LoggerFactory.getLogger(OpcUaConveyorHandshake.class);

  private final PlcClient plc;
  private final LineSettings line;
  private final CellState cell;
  private final ScheduledExecutorService scheduler;
  private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

  public OpcUaConveyorHandshake(PlcClient plc, LineSettings line, CellState cell, ScheduledExecutorService scheduler) {
    this.plc = plc;
    this.line = line;
    this.cell = cell;
    this.scheduler = scheduler;
    cell.addListener(v -> {
      if (!waiting.isEmpty() && (v.tag().equals(line.holdingTag()) || v.tag().equals(line.heldPartIdTag()))) {
        waiting.keySet().forEach(this::completeIfHeld);
      }
    });
  }

  @Override
  public CompletableFuture<Void> requestHold(String partId) {
    return call(MethodCall.of(line.pickObject(), line.requestStopMethod(), partId), "hold part " + partId);
  }

  @Override
  public CompletableFuture<Void> awaitHeld(String partId, Duration timeout) {
    CompletableFuture<Void> held = waiting.computeIfAbsent(partId, id -> new CompletableFuture<>());
    completeIfHeld(partId);
    scheduler.schedule(() -> {
      if (held.completeExceptionally(new IllegalStateException("the line did not hold part " + partId + " within "
          + timeout.toMillis() + " ms (" + describe() + ")"))) {
        log.warn("[{}] part {} was not held within {} ms", plc.id(), partId, timeout.toMillis());
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    return held.whenComplete((ok, e) -> waiting.remove(partId, held));
  }

  @Override
  public CompletableFuture<Void> release() {
    return call(MethodCall.of(line.pickObject(), line.releaseMethod()), "release the belt");
  }

  /** Ends every wait (shutdown): a pick waiting for its part gives up instead of waiting for a timer that is gone. */
  public void close() {
    waiting.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the controller is shutting "
        + "down")));
  }

  /** True when the PLC reports {@code partId} held, with fresh values. */
  public boolean isHeld(String partId) {
    TagReading holding = cell.read(line.holdingTag());
    TagReading held = cell.read(line.heldPartIdTag());
    return holding.fresh() && held.fresh() && Boolean.TRUE.equals(holding.value().orElse(null))
        && partId.equals(held.value().orElse(null));
  }

  private void completeIfHeld(String partId) {
    CompletableFuture<Void> f = waiting.get(partId);
    if (f != null && isHeld(partId)) {
      f.complete(null);
    }
  }

  private String describe() {
    TagReading holding = cell.read(line.holdingTag());
    TagReading held = cell.read(line.heldPartIdTag());
    return line.holdingTag() + " " + (holding.fresh() ? holding.value().orElse(null) : holding.problem()) + ", "
        + line.heldPartIdTag() + " " + (held.fresh() ? held.value().orElse(null) : held.problem());
  }

  private CompletableFuture<Void> call(MethodCall call, String what) {
    return plc.callAsync(List.of(call)).thenApply(results -> {
      CallResult r = results.get(0);
      if (!r.isGood()) {
        throw new IllegalStateException("the PLC refused to " + what + ": " + r.status().name()
            + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
      }
      return null;
    });
  }
}
