package io.cellpilot.vision.anomaly;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The normal patches, standardised per feature, reduced by greedy k-center coreset selection (PatchCore, Roth et al.
 * 2022, section 3.2): the kept patches cover every normal pattern, so rare-but-normal texture is not flagged.
 * Nearest-neighbour distances run as one matrix product per chunk.
 */
final class MemoryBank {
  private static final int CHUNK = 4096;
  private static final int PROJECTION = 32;

  private final float[] mean;
  private final float[] std;
  private final INDArray bank; // [m, dim], standardised
  private final INDArray bankNormsSq; // [1, m]

  MemoryBank(float[] mean, float[] std, float[][] rows) {
    this.mean = mean;
    this.std = std;
    this.bank = Nd4j.create(rows);
    this.bankNormsSq = bank.mul(bank).sum(1).reshape(1, rows.length);
  }

  float[] mean() {
    return mean;
  }

  float[] std() {
    return std;
  }

  int size() {
    return (int) bank.rows();
  }

  float[][] rows() {
    return bank.toFloatMatrix();
  }

  /** Builds the bank from the patch features of normal images (each location-major, {@code dim} per patch). */
  static MemoryBank build(List<float[]> features, int dim, int size, long seed, int maxCandidates,
      int weightedDims, double weight) {
    long total = 0;
    for (float[] f : features) {
      total += f.length / dim;
    }
    Random random = new Random(seed);
    double keep = Math.min(1.0, (double) maxCandidates / total);
    float[][] candidates = new float[(int) Math.min(total, (long) (maxCandidates * 1.05) + features.size())][];
    int n = 0;
    for (float[] f : features) {
      for (int p = 0; p < f.length / dim && n < candidates.length; p++) {
        if (keep >= 1.0 || random.nextDouble() < keep) {
          float[] row = new float[dim];
          System.arraycopy(f, p * dim, row, 0, dim);
          candidates[n++] = row;
        }
      }
    }
    float[] mean = new float[dim];
    float[] std = new float[dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        mean[d] += candidates[i][d];
      }
    }
    for (int d = 0; d < dim; d++) {
      mean[d] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        float v = candidates[i][d] - mean[d];
        std[d] += v * v;
      }
    }
    for (int d = 0; d < dim; d++) {
      // A dead channel (always 0 after ReLU) must not divide by zero nor dominate.
      std[d] = (float) Math.max(Math.sqrt(std[d] / n), 1e-3);
    }
    for (int d = dim - weightedDims; d < dim; d++) {
      std[d] /= (float) weight;
    }
    for (int i = 0; i < n; i++) {
      standardise(candidates[i], mean, std);
    }
    int[] chosen = greedyCoreset(candidates, n, Math.min(size, n), dim, random);
    float[][] rows = new float[chosen.length][];
    for (int i = 0; i < chosen.length; i++) {
      rows[i] = candidates[chosen[i]];
    }
    return new MemoryBank(mean, std, rows);
  }

  private static void standardise(float[] row, float[] mean, float[] std) {
    for (int d = 0; d < row.length; d++) {
      row[d] = (row[d] - mean[d]) / std[d];
    }
  }

  private static int[] greedyCoreset(float[][] x, int n, int m, int dim, Random random) {
    // Distances are measured in a random 32-d projection (Johnson-Lindenstrauss), as PatchCore does, to save time.
    int p = Math.min(PROJECTION, dim);
    float[][] proj = new float[dim][p];
    for (int d = 0; d < dim; d++) {
      for (int j = 0; j < p; j++) {
        proj[d][j] = (float) (random.nextGaussian() / Math.sqrt(p));
      }
    }
    float[] z = new float[n * p];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        float v = x[i][d];
        if (v != 0) {
          for (int j = 0; j < p; j++) {
            z[i * p + j] += v * proj[d][j];
          }
        }
      }
    }
    float[] minDist = new float[n];
    java.util.Arrays.fill(minDist, Float.MAX_VALUE);
    int[] chosen = new int[m];
    int current = random.nextInt(n);
    for (int k = 0; k < m; k++) {
      chosen[k] = current;
      int best = -1;
      float bestDist = -1;
      int cBase = current * p;
      for (int i = 0; i < n; i++) {
        int base = i * p;
        float s = 0;
        for (int j = 0; j < p; j++) {
          float diff = z[base + j] - z[cBase + j];
          s += diff * diff;
        }
        if (s < minDist[i]) {
          minDist[i] = s;
        }
        if (minDist[i] > bestDist) {
          bestDist = minDist[i];
          best = i;
        }
      }
      current = best;
    }
    return chosen;
  }

  /** Distance of each patch (location-major, raw features) to its nearest bank patch. */
  float[] nearestDistances(float[] features, int dim) {
    return nearest(features, dim).distances();
  }

  /** Per patch: the distance to the nearest bank patch and that patch's row. */
  record Nearest(float[] distances, int[] rows) {}

  Nearest nearest(float[] features, int dim) {
    int patches = features.length / dim;
    float[] standardised = features.clone();
    for (int p = 0; p < patches; p++) {
      for (int d = 0; d < dim; d++) {
        int i = p * dim + d;
        standardised[i] = (standardised[i] - mean[d]) / std[d];
      }
    }
    float[] out = new float[patches];
    int[] rowsOut = new int[patches];
    // Query and bank both in chunks: a distance block stays at 4 M floats (16 MB) whatever the image size.
    int queryChunk = Math.max(1, (4 << 20) / CHUNK);
    long m = bank.rows();
    for (int qs = 0; qs < patches; qs += queryChunk) {
      int qe = Math.min(patches, qs + queryChunk);
      float[] part = java.util.Arrays.copyOfRange(standardised, qs * dim, qe * dim);
      INDArray q = Nd4j.create(part, new long[] {qe - qs, dim}, 'c');
      INDArray qNorms = q.mul(q).sum(1).reshape(qe - qs, 1);
      float[] best = new float[qe - qs];
      java.util.Arrays.fill(best, Float.MAX_VALUE);
      int[] bestRow = new int[qe - qs];
      for (long start = 0; start < m; start += CHUNK) {
        long end = Math.min(m, start + CHUNK);
        INDArray rows = bank.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
        INDArray norms = bankNormsSq.get(NDArrayIndex.all(), NDArrayIndex.interval(start, end));
        INDArray d2 = q.mmul(rows.transpose()).muli(-2).addiColumnVector(qNorms).addiRowVector(norms);
        INDArray min = d2.min(1);
        INDArray arg = Nd4j.argMin(d2, 1);
        float[] mins = min.toFloatVector();
        long[] args = arg.toLongVector();
        for (int i = 0; i < mins.length; i++) {
          if (mins[i] < best[i]) {
            best[i] = mins[i];
            bestRow[i] = (int) (start + args[i]);
          }
        }
        // Free native memory now: left to the garbage collector, these blocks pile up to gigabytes.
        d2.close();
        min.close();
        arg.close();
      }
      for (int i = 0; i < best.length; i++) {
        out[qs + i] = (float) Math.sqrt(Math.max(0, best[i]));
        rowsOut[qs + i] = bestRow[i];
      }
      q.close();
      qNorms.close();
    }
    return new Nearest(out, rowsOut);
  }

  /** A bank of the given rows (raw features) standardised with this bank's statistics. */
  MemoryBank sibling(float[][] rawRows) {
    float[][] rows = new float[rawRows.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = rawRows[i].clone();
      standardise(rows[i], mean, std);
    }
    return new MemoryBank(mean, std, rows);
  }
}
