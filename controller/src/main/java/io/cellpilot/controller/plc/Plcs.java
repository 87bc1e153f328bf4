package io.cellpilot.controller.plc;

import io.cellpilot.opcua.client.PlcClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured PLC connections by id, for those that call methods or read on demand. */
public final class Plcs {
  private final Map<String, PlcIngestSource> byId = new LinkedHashMap<>();

  public Plcs(List<PlcIngestSource> sources) {
    sources.forEach(s -> byId.put(s.id(), s));
  }

  /** The gateway client of PLC {@code id}; the configuration was checked, so it exists. */
  public PlcClient client(String id) {
    PlcIngestSource s = byId.get(id);
    if (s == null) {
      throw new IllegalArgumentException("PLC " + id + " is not configured (configured: " + byId.keySet() + ")");
    }
    return s.client();
  }
}
