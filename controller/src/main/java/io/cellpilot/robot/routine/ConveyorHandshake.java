package io.cellpilot.robot.routine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The line's side of a pick: hold a part at the pick position, say when it is held, let the belt go on. The controller
 * implements it over the PLC's {@code Line1/Pick/RequestStop(partId)}, {@code Holding}/{@code HeldPartId} and
 * {@code Release()} (see docs/wire-contracts.md).
 */
public interface ConveyorHandshake {

  /** Asks the line to stop {@code partId} at the pick position; fails when the line does not know the part. */
  CompletableFuture<Void> requestHold(String partId);

  /** Completes when the line holds {@code partId} at the pick position; fails after {@code timeout}. */
  CompletableFuture<Void> awaitHeld(String partId, Duration timeout);

  /** The robot no longer needs the belt held: it moves on. */
  CompletableFuture<Void> release();
}
