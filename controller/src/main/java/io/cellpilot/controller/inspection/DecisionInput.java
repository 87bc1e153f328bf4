package io.cellpilot.controller.inspection;

/**
 * Everything the inspection decision depends on, gathered before it is made.
 *
 * @param verdict the model's verdict; null when there is none ({@code modelProblem} says why)
 * @param staleProblem why the cell state cannot be trusted; empty when every required tag is fresh
 * @param robotProblem why the robot cannot pick now; empty when it is ready
 * @param pausedBy who paused the controller's actions; empty when not paused
 */
public record DecisionInput(
    ModelVerdict verdict,
    String modelProblem,
    double threshold,
    double uncertainBand,
    String staleProblem,
    String robotProblem,
    String pausedBy) {}
