package io.cellpilot.controller.inspection;

/**
 * One line of the decision log: what was decided about a part and on what grounds. Times are ISO-8601 text so that
 * the file reads the same with any JSON tool.
 *
 * @param imageSha256 hex SHA-256 of the image bytes as received; empty when no image came
 * @param shadow the shadow candidate's opinion (recorded, never acted on); null when no shadow runs
 */
public record DecisionRecord(
    String time,
    String partId,
    String imageSha256,
    String modelVersion,
    double score,
    double threshold,
    String verdict,
    String defectType,
    Action action,
    String reason,
    Shadow shadow) {

  /** The shadow model's verdict on the same image. */
  public record Shadow(String modelVersion, double score, double threshold, String verdict, Action wouldDo) {}
}
