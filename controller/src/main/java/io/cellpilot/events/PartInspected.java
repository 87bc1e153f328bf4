package io.cellpilot.events;

import java.time.Instant;

/**
 * The inspection model judged a part and the decision chose what to do with it.
 *
 * @param defectType the defect class when the model names one, otherwise null
 * @param imageSha256 hex SHA-256 of the image bytes as received from the camera
 * @param counts the station's totals including this part
 */
public record PartInspected(
    String eventId,
    Instant time,
    String partId,
    Verdict verdict,
    String defectType,
    double score,
    double threshold,
    String modelVersion,
    String imageSha256,
    Action action,
    InspectionCounts counts)
    implements CellEvent {

  @Override
  public String type() {
    return "part-inspected";
  }

  /** What the model said. */
  public enum Verdict { GOOD, DEFECT, UNCERTAIN }

  /** What the cell does with the part. */
  public enum Action { PASS, REJECT, REVIEW }
}
