package io.cellpilot.controller.inspection;

import io.cellpilot.events.PartInspected.Verdict;

/**
 * What a model said about one image.
 *
 * @param score higher means more likely defective (an anomaly score or a defect probability)
 * @param defectType the defect class when the model names one, otherwise null
 */
public record ModelVerdict(Verdict verdict, double score, String defectType) {}
