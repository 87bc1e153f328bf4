package io.cellpilot.controller.inspection;

import java.time.Duration;
import java.util.List;

/**
 * The inspection pipeline's configuration ({@code cellpilot.inspection.*}).
 *
 * @param thresholdOverride NaN to use the model's own threshold
 * @param requiredTags tags that must be fresh for any decision, including the part tags
 */
public record InspectionSettings(
    String modelId,
    String partPresentTag,
    String partIdTag,
    List<String> requiredTags,
    Duration pairingTimeout,
    double thresholdOverride,
    double uncertainBand) {}
