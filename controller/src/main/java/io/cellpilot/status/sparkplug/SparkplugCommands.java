package io.cellpilot.status.sparkplug;

import io.cellpilot.status.CommandGateway;
import io.cellpilot.status.CommandGateway.Action;
import io.cellpilot.status.CommandGateway.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.model.MetricDataTypeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NCMD and DCMD for the edge node. {@code Node Control/Rebirth = true} on NCMD asks for the births and needs no
 * credentials (Sparkplug B 3.0 tck-id-operational-behavior-data-commands-ncmd-rebirth-*). Operator commands carry
 * {@code Command/User} and {@code Command/Token} in the same payload: NCMD {@code Command/Reset Alarm} (alarm id),
 * DCMD line {@code Command/Pause} / {@code Command/Resume} (true), DCMD inspection {@code Command/Resolve Part Id} +
 * {@code Command/Resolve Label}. Metrics may come by name or by the alias from the births.
 */
final class SparkplugCommands implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SparkplugCommands.class);

  private final CommandGateway gateway;
  private final SparkplugPayloads payloads;
  private final Runnable rebirth;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "status-sparkplug-commands");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong handled = new AtomicLong();

  SparkplugCommands(CommandGateway gateway, SparkplugPayloads payloads, Runnable rebirth) {
    this.gateway = gateway;
    this.payloads = payloads;
    this.rebirth = rebirth;
  }

  long handled() {
    return handled.get();
  }

  /** Runs on the session thread (it owns the aliases); operator commands go on to their own thread. */
  void accept(String topic, byte[] bytes) {
    handled.incrementAndGet();
    String[] parts = topic.split("/");
    boolean node = "NCMD".equals(parts[2]);
    String device = node ? SparkplugMetrics.NODE : parts.length > 4 ? parts[4] : "";
    Map<String, Object> values = new HashMap<>();
    try {
      SparkplugBPayload payload = new SparkplugBPayloadDecoder().buildFromByteArray(bytes, new MetricDataTypeMap());
      for (Metric m : payload.getMetrics()) {
        String name = m.hasName() ? m.getName() : m.hasAlias() ? payloads.name(device, m.getAlias()) : null;
        if (name == null) {
          throw new IllegalArgumentException("metric without a known name or alias " + m.getAlias());
        }
        values.put(name, m.getValue());
      }
    } catch (Exception e) {
      refuse("(unknown)", "sparkplug-command", topic + ": not a Sparkplug payload: " + e.getMessage());
      return;
    }
    if (node && Boolean.TRUE.equals(values.get(SparkplugMetrics.REBIRTH))) {
      log.info("[sparkplug] rebirth requested on {}", topic);
      rebirth.run();
    }
    List<Request> requests = requests(device, values);
    if (requests.isEmpty() && !values.containsKey(SparkplugMetrics.REBIRTH)) {
      refuse(text(values, SparkplugMetrics.USER), "sparkplug-command", topic + ": no command metric in "
          + values.keySet());
    }
    if (gateway == null && !requests.isEmpty()) {
      log.warn("[sparkplug] operator commands are not enabled; ignoring {} on {}", requests.size(), topic);
      return;
    }
    for (Request r : requests) {
      executor.execute(() -> {
        var result = gateway.execute("sparkplug", r);
        log.info("[sparkplug] {} by {}: {} {}", r.action().wire(), r.user(), result.status(), result.message());
      });
    }
  }

  private static List<Request> requests(String device, Map<String, Object> v) {
    String user = text(v, SparkplugMetrics.USER);
    String token = text(v, SparkplugMetrics.TOKEN);
    List<Request> out = new ArrayList<>();
    if (device.equals(SparkplugMetrics.NODE) && v.containsKey(SparkplugMetrics.RESET_ALARM)) {
      out.add(new Request(Action.RESET_ALARM, user, token, text(v, SparkplugMetrics.RESET_ALARM), null));
    }
    if (device.equals("line") && Boolean.TRUE.equals(v.get(SparkplugMetrics.PAUSE))) {
      out.add(new Request(Action.PAUSE_LINE, user, token, null, null));
    }
    if (device.equals("line") && Boolean.TRUE.equals(v.get(SparkplugMetrics.RESUME))) {
      out.add(new Request(Action.RESUME_LINE, user, token, null, null));
    }
    if (device.equals("inspection") && v.containsKey(SparkplugMetrics.RESOLVE_PART)) {
      out.add(new Request(Action.RESOLVE_REVIEW, user, token, text(v, SparkplugMetrics.RESOLVE_PART),
          text(v, SparkplugMetrics.RESOLVE_LABEL)));
    }
    return out;
  }

  private void refuse(String user, String action, String why) {
    if (gateway != null) {
      gateway.malformed("sparkplug", user, action, why);
    } else {
      log.warn("[sparkplug] {}", why);
    }
  }

  private static String text(Map<String, Object> v, String name) {
    Object o = v.get(name);
    return o == null ? null : o.toString();
  }

  @Override
  public void close() {
    executor.shutdown();
  }
}
