package io.cellpilot.status.sparkplug;

/** Sparkplug B 3.0 topics of one edge node: {@code spBv1.0/<group>/<type>/<node>[/<device>]} (spec chapter 4.1). */
public record SparkplugTopics(String group, String node) {
  public static final String NAMESPACE = "spBv1.0";

  public String node(String type) {
    return NAMESPACE + "/" + group + "/" + type + "/" + node;
  }

  public String device(String type, String device) {
    return node(type) + "/" + device;
  }
}
