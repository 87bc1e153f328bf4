package io.cellpilot.controller.health;

import io.cellpilot.controller.alarm.AlarmThresholds;
import java.util.List;

/**
 * One machine watched for health ({@code cellpilot.health.machines.<id>}).
 *
 * @param modelId the health model slot to use; empty for the built-in z-score detector
 */
public record MachineHealth(String machine, List<String> tags, String modelId, int probationSamples,
    AlarmThresholds thresholds) {}
