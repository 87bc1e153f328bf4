package io.cellpilot.controller.inspection;

import java.util.concurrent.CompletableFuture;

/**
 * The seam the robot's reject routine plugs into: pick this part to the reject bin (via the PLC hold handshake and
 * the command guard) and say how it went. The future completes when the pick is done, failed or was skipped.
 */
public interface RejectHandler {

  CompletableFuture<RejectOutcome> reject(String partId);

  /** Used until the robot driver is wired: every reject is skipped with that reason. */
  RejectHandler UNWIRED = partId -> CompletableFuture.completedFuture(
      RejectOutcome.skipped("", "the robot reject routine is not wired in this build"));
}
