package io.cellpilot.status.sparkplug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the edge node believes about its primary host application, from the host's STATE messages. Sparkplug B 3.0:
 * {@code spBv1.0/STATE/<host_id>} with JSON {@code {"online":true,"timestamp":<ms>}}; a message whose timestamp is
 * older than the last accepted one is ignored (tck-id-message-flow-edge-node-birth-publish-phid-wait-timestamp,
 * tck-id-operational-behavior-edge-node-termination-host-offline-timestamp). Sparkplug B 2.2 hosts publish
 * {@code STATE/<host_id>} with the text {@code ONLINE} or {@code OFFLINE}, without a timestamp. Not thread-safe.
 */
public final class HostState {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String hostId;
  private boolean online;
  private long lastTimestamp = Long.MIN_VALUE;

  public HostState(String hostId) {
    this.hostId = hostId;
  }

  /** The topics to subscribe to, 3.0 form first. */
  public String[] topics() {
    return new String[] {"spBv1.0/STATE/" + hostId, "STATE/" + hostId};
  }

  public boolean online() {
    return online;
  }

  /**
   * Takes a STATE message; returns the host's new state when the message is valid and changes it, empty otherwise.
   *
   * @throws IllegalArgumentException naming the topic when the payload is not a STATE payload
   */
  public Optional<Boolean> accept(String topic, byte[] payload) {
    boolean now;
    if (topic.equals("spBv1.0/STATE/" + hostId)) {
      JsonNode json;
      try {
        json = MAPPER.readTree(payload);
      } catch (IOException e) {
        throw new IllegalArgumentException(topic + ": STATE payload is not JSON");
      }
      if (json == null || !json.path("online").isBoolean() || !json.path("timestamp").canConvertToLong()) {
        throw new IllegalArgumentException(topic + ": STATE payload needs boolean 'online' and number 'timestamp'");
      }
      long timestamp = json.get("timestamp").asLong();
      if (timestamp < lastTimestamp) {
        return Optional.empty();
      }
      lastTimestamp = timestamp;
      now = json.get("online").asBoolean();
    } else if (topic.equals("STATE/" + hostId)) {
      String text = new String(payload, StandardCharsets.UTF_8).trim();
      if (!text.equals("ONLINE") && !text.equals("OFFLINE")) {
        throw new IllegalArgumentException(topic + ": legacy STATE payload must be ONLINE or OFFLINE, was '" + text
            + "'");
      }
      now = text.equals("ONLINE");
    } else {
      throw new IllegalArgumentException(topic + " is not the STATE topic of host " + hostId);
    }
    if (now == online) {
      return Optional.empty();
    }
    online = now;
    return Optional.of(now);
  }
}
