package io.cellpilot.opcua.client;

import io.cellpilot.opcua.OpcUaGatewayException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The blocking twins of the async API (STYLE rule 3): wait, and restore the interrupt flag when interrupted. */
final class Blocking {
  private Blocking() {}

  static <T> T await(CompletableFuture<T> future, long timeoutMillis, String what) {
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.INTERRUPTED, "interrupted while waiting for " + what,
          e);
    } catch (ExecutionException e) {
      // The async API completes normally with per-item results; an exception here is a bug worth surfacing as is.
      throw new IllegalStateException(what + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.NOT_CONNECTED,
          what + " got no answer within " + timeoutMillis + " ms", e);
    }
  }
}
