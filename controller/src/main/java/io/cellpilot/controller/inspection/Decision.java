package io.cellpilot.controller.inspection;

/** An action and the sentence that explains it, e.g. {@code REJECT: score 0.91 >= threshold 0.50}. */
public record Decision(Action action, String reason) {}
