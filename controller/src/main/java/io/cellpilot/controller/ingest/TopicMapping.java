package io.cellpilot.controller.ingest;

import com.fasterxml.jackson.core.JsonPointer;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps messages on a topic filter to a tag: which JSON field holds the value, which holds the time, and how the tag
 * is named. {@code {1}}, {@code {2}} in the tag template are replaced by the topic levels the filter's wildcards
 * matched, so {@code factory/line1/+/vibration} with tag {@code {1}.vibration} gives {@code press.vibration}.
 *
 * @param field JSON pointer of the value; {@code ""} means the whole payload is the value
 * @param timestampField JSON pointer of an ISO-8601 or epoch-millisecond time; empty when the payload has none
 */
public record TopicMapping(
    String id,
    String filter,
    String field,
    ValueKind kind,
    String tagTemplate,
    String timestampField,
    Duration maxAge) {

  /** What the tag holds; a value of another JSON type is refused as malformed. */
  public enum ValueKind { NUMBER, BOOLEAN, STRING }

  JsonPointer fieldPointer() {
    return JsonPointer.compile(field);
  }

  /** The tag this topic maps to, or empty when the topic does not match the filter. */
  public Optional<String> tagFor(String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    String[] wildcards = new String[f.length];
    int n = 0;
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        // MQTT 5.0 4.7.1.2: '#' also matches the parent level, and never a topic starting with '$'.
        wildcards[n++] = i < t.length ? String.join("/", java.util.Arrays.copyOfRange(t, i, t.length)) : "";
        return Optional.of(render(wildcards, n));
      }
      if (i >= t.length) {
        return Optional.empty();
      }
      if (f[i].equals("+")) {
        wildcards[n++] = t[i];
      } else if (!f[i].equals(t[i])) {
        return Optional.empty();
      }
    }
    return t.length == f.length ? Optional.of(render(wildcards, n)) : Optional.empty();
  }

  private String render(String[] wildcards, int n) {
    String tag = tagTemplate;
    for (int i = n; i >= 1; i--) {
      tag = tag.replace("{" + i + "}", wildcards[i - 1]);
    }
    return tag;
  }
}
