package io.cellpilot.controller.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cellpilot.controller.state.TagValue;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one JSON message into tag values for the mappings that matched its topic. Pure apart from parsing: the same
 * bytes always give the same values or the same refusal. A refusal for one mapping never drops the others.
 */
public final class PayloadDecoder {
  private static final JsonMapper JSON = JsonMapper.builder()
      // Accept NaN/Infinity tokens only so that the refusal can say "value is NaN" rather than "bad JSON".
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  /** The values decoded and, per refused mapping, why. */
  public record Result(List<TagValue> values, List<String> problems) {}

  public Result decode(String topic, byte[] payload, List<MatchedMapping> matched, Instant receivedAt) {
    JsonNode root;
    try {
      root = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      return new Result(List.of(), List.of("not JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      return new Result(List.of(), List.of("unreadable payload: " + e.getMessage()));
    }
    if (root == null || root.isMissingNode()) {
      return new Result(List.of(), List.of("empty payload"));
    }
    List<TagValue> values = new ArrayList<>(matched.size());
    List<String> problems = new ArrayList<>(0);
    for (MatchedMapping m : matched) {
      try {
        Instant time = timestamp(root, m.mapping(), receivedAt);
        Object value = value(root, m.mapping());
        values.add(TagValue.good(m.tag(), value, time, receivedAt));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return new Result(values, problems);
  }

  private static Object value(JsonNode root, TopicMapping mapping) {
    JsonNode node = mapping.field().isEmpty() ? root : root.at(mapping.fieldPointer());
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("field " + mapping.field() + " is missing");
    }
    switch (mapping.kind()) {
      case NUMBER:
        if (!node.isNumber()) {
          throw new IllegalArgumentException(
              "field " + display(mapping) + " must be a number, was " + node.getNodeType().name().toLowerCase());
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
          throw new IllegalArgumentException("field " + display(mapping) + " is " + node.asText());
        }
        return d;
      case BOOLEAN:
        if (!node.isBoolean()) {
          throw new IllegalArgumentException(
              "field " + display(mapping) + " must be a boolean, was " + node.getNodeType().name().toLowerCase());
        }
        return node.booleanValue();
      case STRING:
        if (!node.isTextual()) {
          throw new IllegalArgumentException(
              "field " + display(mapping) + " must be a string, was " + node.getNodeType().name().toLowerCase());
        }
        return node.textValue();
      default:
        throw new AssertionError(mapping.kind());
    }
  }

  private static String display(TopicMapping mapping) {
    return mapping.field().isEmpty() ? "(payload)" : mapping.field();
  }

  private static Instant timestamp(JsonNode root, TopicMapping mapping, Instant receivedAt) {
    if (mapping.timestampField().isEmpty()) {
      return receivedAt;
    }
    JsonNode node = root.at(mapping.timestampField());
    if (node.isMissingNode() || node.isNull()) {
      return receivedAt;
    }
    if (node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "timestamp " + mapping.timestampField() + " is not ISO-8601 or epoch milliseconds: " + node.asText());
    }
  }

  /** A mapping that matched a topic, with the tag name it gave. */
  public record MatchedMapping(TopicMapping mapping, String tag) {}
}
