package io.cellpilot.robot.routine;

import io.cellpilot.sim.cell.PartHandling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A conveyor for the routine's tests: it plays the PLC's pick handshake (hold, held, release) and is the simulated
 * cobot's {@link PartHandling}: a part waits at the pick position while held, and lands in the bin when the gripper
 * opens inside the bin's footprint.
 */
final class BeltStandIn implements PartHandling, ConveyorHandshake {

  private final double[] pickAt;
  private final double[] binMin;
  private final double[] binMax;
  private final List<String> inBin = Collections.synchronizedList(new ArrayList<>());
  private final List<String> dropped = Collections.synchronizedList(new ArrayList<>());
  private volatile String held;
  private volatile CompletableFuture<Void> heldFuture = new CompletableFuture<>();
  private volatile int releases;

  BeltStandIn(double[] pickAt, double[] binMin, double[] binMax) {
    this.pickAt = pickAt.clone();
    this.binMin = binMin.clone();
    this.binMax = binMax.clone();
  }

  @Override
  public CompletableFuture<Void> requestHold(String partId) {
    heldFuture = new CompletableFuture<>();
    // The part arrives at the pick position a little later, on the belt's own thread.
    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> {
      held = partId;
      heldFuture.complete(null);
    });
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> awaitHeld(String partId, Duration timeout) {
    return heldFuture.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletableFuture<Void> release() {
    releases++;
    held = null;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public Optional<String> grip(double x, double y, double z) {
    String part = held;
    double d = Math.sqrt(Math.pow(x - pickAt[0], 2) + Math.pow(y - pickAt[1], 2) + Math.pow(z - pickAt[2], 2));
    return part != null && d < 0.01 ? Optional.of(part) : Optional.empty();
  }

  @Override
  public void release(String partId, double x, double y, double z) {
    boolean over = x >= binMin[0] && x <= binMax[0] && y >= binMin[1] && y <= binMax[1] && z <= binMax[2];
    (over ? inBin : dropped).add(partId);
  }

  List<String> inBin() {
    return List.copyOf(inBin);
  }

  List<String> dropped() {
    return List.copyOf(dropped);
  }

  int releases() {
    return releases;
  }
}
