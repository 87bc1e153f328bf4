package io.cellpilot.robot;

import java.util.concurrent.CompletableFuture;

/**
 * A submitted command: its id, a future that completes when the robot acknowledges it (started it), and one with its
 * outcome. The outcome future never completes exceptionally: every ending is a {@link CommandOutcome}.
 */
public record CommandHandle(long id, CompletableFuture<Long> acknowledged, CompletableFuture<CommandOutcome> outcome) {}
