package io.cellpilot.controller.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The inspection model's error as its own evaluation report measured it on held-out parts (at the threshold stored
 * in the package), turned into how many wrong calls a run of the cell may show: the expected number at the line's
 * defect rate plus three standard deviations (binomial) plus one. A better model tightens the bound by itself.
 */
record MeasuredError(double falsePositiveRate, double falseNegativeRate) {

  static MeasuredError ofReport(Path report) throws IOException {
    JsonNode r = new ObjectMapper().readTree(report.toFile());
    int defective = 0;
    for (JsonNode kind : r.get("perType")) {
      defective += kind.get("images").asInt();
    }
    int good = r.get("images").asInt() - defective;
    double recall = r.get("recallAtStored").asDouble();
    double precision = r.get("precisionAtStored").asDouble();
    double truePositives = recall * defective;
    double falsePositives = precision > 0 ? truePositives / precision - truePositives : good;
    return new MeasuredError(falsePositives / good, 1 - recall);
  }

  int allowedMistakes(int decisions, double defectRate) {
    double p = (1 - defectRate) * falsePositiveRate + defectRate * falseNegativeRate;
    return (int) Math.ceil(decisions * p + 3 * Math.sqrt(decisions * p * (1 - p)) + 1);
  }
}
