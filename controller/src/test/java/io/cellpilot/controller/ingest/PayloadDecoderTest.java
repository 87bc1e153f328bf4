package io.cellpilot.controller.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.ingest.PayloadDecoder.MatchedMapping;
import io.cellpilot.controller.ingest.TopicMapping.ValueKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadDecoderTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final PayloadDecoder decoder = new PayloadDecoder();

  private static TopicMapping mapping(String filter, String field, ValueKind kind, String tag) {
    return new TopicMapping("m", filter, field, kind, tag, "/timestamp", Duration.ofSeconds(5));
  }

  private PayloadDecoder.Result decode(String json, TopicMapping... mappings) {
    List<MatchedMapping> matched = java.util.Arrays.stream(mappings)
        .map(m -> new MatchedMapping(m, m.tagFor("factory/line1/press/vibration").orElseThrow()))
        .toList();
    return decoder.decode("factory/line1/press/vibration", json.getBytes(StandardCharsets.UTF_8), matched, NOW);
  }

  @Test
  void wildcardLevelsNameTheTagAndNonMatchingTopicsGiveNone() {
    TopicMapping m = mapping("factory/line1/+/vibration", "/value", ValueKind.NUMBER, "{1}.vibration");
    assertEquals(Optional.of("press.vibration"), m.tagFor("factory/line1/press/vibration"));
    assertEquals(Optional.empty(), m.tagFor("factory/line1/press/vibration/raw"));
    assertEquals(Optional.empty(), m.tagFor("factory/line1/press/current"));
    TopicMapping multi = mapping("factory/#", "/value", ValueKind.NUMBER, "all.{1}");
    assertEquals(Optional.of("all.line1/press/current"), multi.tagFor("factory/line1/press/current"));
  }

  @Test
  void theValueAndThePayloadTimestampAreUsed() {
    var r = decode("{\"timestamp\":\"2026-11-22T09:59:58.5Z\",\"value\":2.31,\"unit\":\"mm/s\"}",
        mapping("factory/line1/+/vibration", "/value", ValueKind.NUMBER, "{1}.vibration"));
    assertEquals(List.of(), r.problems());
    assertEquals(2.31, r.values().get(0).value());
    assertEquals(Instant.parse("2026-11-22T09:59:58.5Z"), r.values().get(0).sourceTime());
    assertEquals(NOW, r.values().get(0).receivedTime());
  }

  @Test
  void withoutATimestampTheArrivalTimeIsUsed() {
    var r = decode("{\"value\":true}", mapping("factory/line1/+/vibration", "/value", ValueKind.BOOLEAN, "b"));
    assertEquals(NOW, r.values().get(0).sourceTime());
    assertEquals(true, r.values().get(0).value());
  }

  @Test
  void eachKindOfMalformedMessageIsRefusedWithItsReason() {
    TopicMapping number = mapping("factory/line1/+/vibration", "/value", ValueKind.NUMBER, "n");
    assertTrue(decode("{value: 1", number).problems().get(0).startsWith("not JSON"));
    assertEquals(List.of("field /value is missing"), decode("{\"v\":1}", number).problems());
    assertEquals(List.of("field /value must be a number, was string"), decode("{\"value\":\"2.3\"}", number)
        .problems());
    assertEquals(List.of("field /value is NaN"), decode("{\"value\":NaN}", number).problems());
    assertEquals(List.of("timestamp /timestamp is not ISO-8601 or epoch milliseconds: yesterday"),
        decode("{\"value\":1,\"timestamp\":\"yesterday\"}", number).problems());
    assertEquals(List.of("empty payload"), decode("", number).problems());
  }

  @Test
  void oneRefusedFieldDoesNotDropTheOtherMappingsOfTheSameMessage() {
    var r = decode("{\"activePowerKw\":1.2,\"energyKwh\":\"lots\"}",
        mapping("factory/line1/+/vibration", "/activePowerKw", ValueKind.NUMBER, "power"),
        mapping("factory/line1/+/vibration", "/energyKwh", ValueKind.NUMBER, "energy"));
    assertEquals(1, r.values().size());
    assertEquals("power", r.values().get(0).tag());
    assertEquals(List.of("field /energyKwh must be a number, was string"), r.problems());
  }
}
