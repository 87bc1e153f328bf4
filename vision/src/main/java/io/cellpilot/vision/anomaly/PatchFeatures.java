package io.cellpilot.vision.anomaly;

import io.cellpilot.vision.image.Preprocessing.Input;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the feature network and assembles one feature vector per cell of a grid at 1/4 of the input size: the first
 * layer's responses averaged over the cell, the deeper layers' responses at the cell, then a 3x3 neighbourhood
 * average (PatchCore's local aggregation: a patch is judged with its surroundings). The network is fully
 * convolutional, so inputs of any size (multiples of 4) work; equal sizes run as one batch.
 */
final class PatchFeatures {
  private PatchFeatures() {}

  /** Features of one input. {@code values} is location-major: {@code [(y*gridWidth+x)*dim + channel]}. */
  record Grid(int gridWidth, int gridHeight, float[] values) {}

  static int dimension(PatchCoreConfig c) {
    return 2 * c.filters() + (c.depth() >= 2 ? c.width2() : 0) + (c.depth() >= 3 ? c.width3() : 0)
        + (c.positionWeight() > 0 ? 2 : 0);
  }

  /** Features of each prepared input; the illumination flattening ({@code c.flatten()}) is applied here. */
  static List<Grid> extract(MultiLayerNetwork net, PatchCoreConfig c, List<Input> prepared) {
    List<Input> inputs = prepared;
    if (c.flatten() > 0) {
      inputs = prepared.stream().map(in -> Illumination.flatten(in, c.flatten())).toList();
    }
    List<Grid> out = new ArrayList<>(inputs.size());
    int start = 0;
    while (start < inputs.size()) {
      int end = start + 1;
      while (end < inputs.size() && sameSize(inputs.get(start), inputs.get(end))) {
        end++;
      }
      out.addAll(extractBatch(net, c, inputs.subList(start, end)));
      start = end;
    }
    return out;
  }

  private static boolean sameSize(Input a, Input b) {
    return a.width() == b.width() && a.height() == b.height();
  }

  private static List<Grid> extractBatch(MultiLayerNetwork net, PatchCoreConfig c, List<Input> inputs) {
    int w = inputs.get(0).width();
    int h = inputs.get(0).height();
    int gw = w / 4;
    int gh = h / 4;
    int dim = dimension(c);
    int n = inputs.size();
    float[] all = new float[n * w * h];
    for (int i = 0; i < n; i++) {
      System.arraycopy(inputs.get(i).values(), 0, all, i * w * h, w * h);
    }
    INDArray input = Nd4j.create(all, new long[] {n, 1, h, w}, 'c');
    List<INDArray> acts = net.feedForward(input, false);
    float[] level1 = floats(acts.get(2)); // [n, 2F, h/2, w/2]
    float[] level2 = c.depth() >= 2 ? floats(acts.get(4)) : null; // [n, W2, gh, gw]
    float[] level3 = c.depth() >= 3 ? floats(acts.get(5)) : null; // [n, W3, gh, gw]
    // Free native memory now rather than at the next garbage collection.
    for (INDArray a : acts) {
      if (a.closeable()) {
        a.close();
      }
    }
    if (input.closeable()) {
      input.close();
    }
    int c1 = 2 * c.filters();
    int hw = w / 2;
    int hh = h / 2;
    List<Grid> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] raw = new float[gw * gh * dim];
      for (int y = 0; y < gh; y++) {
        for (int x = 0; x < gw; x++) {
          int base = (y * gw + x) * dim;
          for (int ch = 0; ch < c1; ch++) {
            int off = ((i * c1 + ch) * hh + 2 * y) * hw + 2 * x;
            raw[base + ch] = 0.25f * (level1[off] + level1[off + 1] + level1[off + hw] + level1[off + hw + 1]);
          }
          int d = c1;
          if (level2 != null) {
            for (int ch = 0; ch < c.width2(); ch++) {
              raw[base + d + ch] = level2[((i * c.width2() + ch) * gh + y) * gw + x];
            }
            d += c.width2();
          }
          if (level3 != null) {
            for (int ch = 0; ch < c.width3(); ch++) {
              raw[base + d + ch] = level3[((i * c.width3() + ch) * gh + y) * gw + x];
            }
          }
        }
      }
      float[] aggregated = aggregate(raw, gw, gh, dim);
      if (c.positionWeight() > 0) {
        // Position in [0, 1] across the image; its weight is applied after standardisation (MemoryBank).
        for (int y = 0; y < gh; y++) {
          for (int x = 0; x < gw; x++) {
            int base = (y * gw + x) * dim;
            aggregated[base + dim - 2] = (x + 0.5f) / gw;
            aggregated[base + dim - 1] = (y + 0.5f) / gh;
          }
        }
      }
      out.add(new Grid(gw, gh, aggregated));
    }
    return out;
  }

  private static float[] floats(INDArray a) {
    INDArray c = a.dup('c');
    float[] out = c.data().asFloat();
    c.close();
    return out;
  }

  private static float[] aggregate(float[] raw, int gw, int gh, int dim) {
    float[] out = new float[raw.length];
    for (int y = 0; y < gh; y++) {
      for (int x = 0; x < gw; x++) {
        int count = 0;
        int base = (y * gw + x) * dim;
        for (int yy = Math.max(0, y - 1); yy <= Math.min(gh - 1, y + 1); yy++) {
          for (int xx = Math.max(0, x - 1); xx <= Math.min(gw - 1, x + 1); xx++) {
            int src = (yy * gw + xx) * dim;
            for (int ch = 0; ch < dim; ch++) {
              out[base + ch] += raw[src + ch];
            }
            count++;
          }
        }
        float inv = 1f / count;
        for (int ch = 0; ch < dim; ch++) {
          out[base + ch] *= inv;
        }
      }
    }
    return out;
  }
}
