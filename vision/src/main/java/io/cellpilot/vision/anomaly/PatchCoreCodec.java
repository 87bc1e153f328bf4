package io.cellpilot.vision.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.pkg.ModelPackage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** Stores a {@link PatchCoreModel} in package entries and back: the network, the memory bank and the config. */
public final class PatchCoreCodec {
  public static final String KIND = "anomaly";
  static final String NETWORK = "network.bin";
  static final String BANK = "memory-bank.bin";
  /** Defect memory with the margin rule (packages written before the nearer rule). */
  static final String DEFECTS = "defect-memory.bin";
  /** Defect memory with the nearer rule: the same layout under a new name, so an old package keeps its rule. */
  static final String DEFECTS_NEARER = "defect-memory-nearer.bin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PatchCoreCodec() {}

  public static Map<String, byte[]> payload(PatchCoreModel model) {
    byte[] net = ModelPackage.bytes(out -> ModelSerializer.writeModel(model.network(), out, false));
    byte[] bank = ModelPackage.bytes(raw -> {
      DataOutputStream out = new DataOutputStream(raw);
      MemoryBank b = model.bank();
      float[][] rows = b.rows();
      int dim = b.mean().length;
      out.writeInt(rows.length);
      out.writeInt(dim);
      writeFloats(out, b.mean());
      writeFloats(out, b.std());
      for (float[] row : rows) {
        writeFloats(out, row);
      }
      out.flush();
    });
    if (model.defects() == null) {
      return Map.of(NETWORK, net, BANK, bank);
    }
    byte[] defects = ModelPackage.bytes(raw -> {
      DataOutputStream out = new DataOutputStream(raw);
      DefectMemory d = model.defects();
      float[][] rows = d.bank().rows();
      out.writeInt(rows.length);
      out.writeInt(d.types().size());
      for (String t : d.types()) {
        out.writeUTF(t);
      }
      out.writeFloat(d.margin());
      out.writeFloat(d.weight());
      for (int i = 0; i < rows.length; i++) {
        out.writeInt(d.labels()[i]);
        writeFloats(out, rows[i]);
      }
      out.flush();
    });
    return Map.of(NETWORK, net, BANK, bank,
        model.defects().rule() == DefectMemory.Rule.NEARER ? DEFECTS_NEARER : DEFECTS, defects);
  }

  /** The configuration as the manifest stores it. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> configMap(PatchCoreConfig config) {
    return JSON.convertValue(config, Map.class);
  }

  /** The configuration from a manifest's map; keys added later (e.g. {@code flatten}) read as 0 when absent. */
  static PatchCoreConfig configFrom(Map<String, Object> map) {
    return JSON.convertValue(map, PatchCoreConfig.class);
  }

  public static PatchCoreModel fromPackage(ModelPackage pkg) {
    try {
      PatchCoreConfig config = configFrom(pkg.manifest().config());
      MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(
          new ByteArrayInputStream(pkg.entry(NETWORK)), false);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(pkg.entry(BANK)));
      int rows = in.readInt();
      int dim = in.readInt();
      if (dim != PatchFeatures.dimension(config) || rows < 1) {
        throw new VisionException(Reason.PACKAGE_INVALID, "memory bank has " + rows + " x " + dim
            + " values, the configuration needs " + PatchFeatures.dimension(config) + " per row");
      }
      float[] mean = readFloats(in, dim);
      float[] std = readFloats(in, dim);
      float[][] bank = new float[rows][];
      for (int i = 0; i < rows; i++) {
        bank[i] = readFloats(in, dim);
      }
      MemoryBank normal = new MemoryBank(mean, std, bank);
      DefectMemory defects = pkg.hasEntry(DEFECTS_NEARER)
          ? readDefects(pkg.entry(DEFECTS_NEARER), DefectMemory.Rule.NEARER, dim, normal)
          : pkg.hasEntry(DEFECTS) ? readDefects(pkg.entry(DEFECTS), DefectMemory.Rule.MARGIN, dim, normal) : null;
      return new PatchCoreModel(config, net, normal, defects);
    } catch (IOException | IllegalArgumentException e) {
      throw new VisionException(Reason.PACKAGE_INVALID, "anomaly model payload is not valid: " + e.getMessage(), e);
    }
  }

  private static DefectMemory readDefects(byte[] bytes, DefectMemory.Rule rule, int dim, MemoryBank normal)
      throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    int rows = in.readInt();
    int nTypes = in.readInt();
    java.util.List<String> types = new java.util.ArrayList<>();
    for (int i = 0; i < nTypes; i++) {
      types.add(in.readUTF());
    }
    float margin = in.readFloat();
    float weight = in.readFloat();
    int[] labels = new int[rows];
    float[][] standardised = new float[rows][];
    for (int i = 0; i < rows; i++) {
      labels[i] = in.readInt();
      if (labels[i] < 0 || labels[i] >= nTypes) {
        throw new VisionException(Reason.PACKAGE_INVALID, "defect memory row " + i + " has type " + labels[i]
            + " of " + nTypes);
      }
      standardised[i] = readFloats(in, dim);
    }
    return new DefectMemory(new MemoryBank(normal.mean(), normal.std(), standardised), labels, types, rule, margin,
        weight);
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    for (float v : values) {
      out.writeFloat(v);
    }
  }

  private static float[] readFloats(DataInputStream in, int n) throws IOException {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = in.readFloat();
    }
    return out;
  }
}
