package io.cellpilot.robot.routine;

import java.time.Duration;

/**
 * What one reject pick did.
 *
 * @param waitedForLine from the hold request until the line held the part
 * @param cycleTime from the first move until the arm was home again (or the step that failed)
 * @param energyJoules electrical energy the arm drew during the cycle, from the robot's own reports
 * @param failedStep empty when the pick succeeded, else the step that failed
 * @param detail why it failed
 */
public record PickReport(
    String partId,
    boolean succeeded,
    Duration waitedForLine,
    Duration cycleTime,
    double energyJoules,
    String failedStep,
    String detail) {}
