package io.cellpilot.status.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellpilot.commands.CommandResult;
import io.cellpilot.status.CommandGateway;
import io.cellpilot.status.mqtt.MqttLink;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator commands as JSON on {@code <base>/cmd/<action>}:
 * {@code {"user":"ann","token":"...","requestId":"42","alarmId":"health/press"}}. The result goes to the MQTT 5
 * response topic (with its correlation data) when the request names one, otherwise to {@code <base>/cmd/result}.
 */
final class JsonCommands {
  private static final Logger log = LoggerFactory.getLogger(JsonCommands.class);

  private final String base;
  private final CommandGateway gateway;
  private final Clock clock;
  // Commands may wait on the PLC: never on Paho's callback thread, and one at a time, in arrival order.
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "status-json-commands");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong handled = new AtomicLong();

  JsonCommands(String base, CommandGateway gateway, Clock clock) {
    this.base = base;
    this.gateway = gateway;
    this.clock = clock;
  }

  long handled() {
    return handled.get();
  }

  void accept(MqttLink link, String topic, MqttMessage message) {
    executor.execute(() -> handle(link, topic, message));
  }

  private void handle(MqttLink link, String topic, MqttMessage message) {
    String actionName = topic.substring(topic.lastIndexOf('/') + 1);
    if ("result".equals(actionName)) {
      return;
    }
    handled.incrementAndGet();
    JsonNode body = null;
    CommandResult result;
    try {
      body = JsonStatusMessages.MAPPER.readTree(message.getPayload());
    } catch (IOException e) {
      body = null;
    }
    String user = body != null && body.hasNonNull("user") ? body.get("user").asText() : null;
    Optional<CommandGateway.Action> action = CommandGateway.Action.fromWire(actionName);
    if (action.isEmpty()) {
      result = gateway.malformed("mqtt", user, actionName, "unknown command '" + actionName + "' on " + topic);
    } else if (body == null || !body.isObject()) {
      result = gateway.malformed("mqtt", user, actionName, "payload on " + topic + " is not a JSON object");
    } else {
      String target = text(body, action.get() == CommandGateway.Action.RESET_ALARM ? "alarmId" : "partId");
      result = gateway.execute("mqtt", new CommandGateway.Request(action.get(), user, text(body, "token"), target,
          text(body, "label")));
    }
    reply(link, message, actionName, user, body == null ? null : text(body, "requestId"), result);
  }

  private void reply(MqttLink link, MqttMessage request, String action, String user, String requestId,
      CommandResult result) {
    ObjectNode n = JsonStatusMessages.MAPPER.createObjectNode();
    n.put("requestId", requestId);
    n.put("action", action);
    n.put("user", user);
    n.put("status", result.status().name());
    n.put("message", result.message());
    n.put("time", clock.instant().toString());
    MqttProperties in = request.getProperties();
    String topic = base + "/cmd/result";
    MqttProperties out = new MqttProperties();
    if (in != null && in.getResponseTopic() != null) {
      topic = in.getResponseTopic();
      out.setCorrelationData(in.getCorrelationData());
    }
    try {
      link.publish(topic, n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false, out, null);
    } catch (MqttException e) {
      log.warn("[mqtt] result of {} for {} not sent: {}", action, user, e.getMessage());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
