package io.cellpilot.status.sparkplug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * Builds and encodes the edge node's payloads with Eclipse Tahu, and owns the metric aliases. Aliases are unique across
 * the node and all its devices (Sparkplug B 3.0 tck-id-payloads-alias-uniqueness) and stay fixed for the life of the
 * process; births carry name, alias and datatype (tck-id-payloads-alias-birth-requirement), data messages only alias
 * and datatype (tck-id-payloads-alias-data-cmd-requirement).
 */
final class SparkplugPayloads {
  private final Map<String, Long> aliases = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();

  /** The alias of a device's metric, assigning the next free one on first use. */
  long alias(String device, String name) {
    return aliases.computeIfAbsent(device + "\u0000" + name, k -> {
      long a = aliases.size() + 1L;
      names.put(a, k);
      return a;
    });
  }

  boolean known(String device, String name) {
    return aliases.containsKey(device + "\u0000" + name);
  }

  /** The metric name behind an alias of {@code device}, or null. */
  String name(String device, long alias) {
    String key = names.get(alias);
    if (key == null || !key.startsWith(device + "\u0000")) {
      return null;
    }
    return key.substring(device.length() + 1);
  }

  byte[] birth(String device, Map<String, SparkplugMetrics.Value> metrics, long seq, Long bdSeq, Date now) {
    SparkplugBPayload payload = new SparkplugBPayload(now, new java.util.ArrayList<>(), seq);
    if (bdSeq != null) {
      // tck-id-message-flow-edge-node-birth-publish-nbirth-payload-bdSeq: the same Int64 bdSeq as the will.
      payload.addMetric(metric(SparkplugMetrics.BDSEQ, alias(device, SparkplugMetrics.BDSEQ), MetricDataType.Int64,
          bdSeq, now, false));
    }
    metrics.forEach((name, v) -> payload.addMetric(metric(name, alias(device, name), v.type(), v.value(), now, false)));
    return encode(payload);
  }

  byte[] data(String device, Map<String, SparkplugMetrics.Value> changed, long seq, boolean historical,
      Date metricTime, Date now) {
    SparkplugBPayload payload = new SparkplugBPayload(now, new java.util.ArrayList<>(), seq);
    changed.forEach((name, v) ->
        payload.addMetric(metric(null, alias(device, name), v.type(), v.value(), metricTime, historical)));
    return encode(payload);
  }

  /** NDEATH: only the bdSeq metric and no seq (tck-id-payloads-ndeath-seq, tck-id-topics-ndeath-payload). */
  byte[] death(long bdSeq, Date now) {
    SparkplugBPayload payload = new SparkplugBPayload(now, new java.util.ArrayList<>());
    payload.addMetric(metric(SparkplugMetrics.BDSEQ, null, MetricDataType.Int64, bdSeq, now, false));
    return encode(payload);
  }

  private static Metric metric(String name, Long alias, MetricDataType type, Object value, Date time,
      boolean historical) {
    try {
      Metric m = new Metric(name, alias, time, type, historical ? Boolean.TRUE : null, null, null, null, value);
      return m;
    } catch (SparkplugInvalidTypeException e) {
      throw new IllegalArgumentException("metric " + name + " (" + alias + ") is not a " + type + ": " + value, e);
    }
  }

  private byte[] encode(SparkplugBPayload payload) {
    try {
      return encoder.getBytes(payload, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
