package io.cellpilot.vision.anomaly;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Gaussian over all normal patches: a patch's anomaly is its Mahalanobis distance to the normal patch
 * distribution (as in "Modeling the distribution of normal data in pre-trained deep features", Rippel et al. 2020,
 * applied per patch). Cheap and smooth; a single mode, so rare-but-normal patterns score higher than with k-NN.
 */
final class GaussianPatches {
  private final float[] mean;
  private final INDArray precision; // [dim, dim]

  GaussianPatches(float[] mean, INDArray precision) {
    this.mean = mean;
    this.precision = precision;
  }

  float[] mean() {
    return mean;
  }

  float[][] precision() {
    return precision.toFloatMatrix();
  }

  static GaussianPatches fit(List<float[]> features, int dim) {
    double[] mean = new double[dim];
    long n = 0;
    for (float[] f : features) {
      for (int p = 0; p < f.length / dim; p++) {
        for (int d = 0; d < dim; d++) {
          mean[d] += f[p * dim + d];
        }
        n++;
      }
    }
    for (int d = 0; d < dim; d++) {
      mean[d] /= n;
    }
    double[][] cov = new double[dim][dim];
    double[] centred = new double[dim];
    for (float[] f : features) {
      for (int p = 0; p < f.length / dim; p++) {
        for (int d = 0; d < dim; d++) {
          centred[d] = f[p * dim + d] - mean[d];
        }
        for (int a = 0; a < dim; a++) {
          double ca = centred[a];
          for (int b = a; b < dim; b++) {
            cov[a][b] += ca * centred[b];
          }
        }
      }
    }
    double trace = 0;
    for (int a = 0; a < dim; a++) {
      for (int b = a; b < dim; b++) {
        cov[a][b] /= (n - 1);
        cov[b][a] = cov[a][b];
      }
      trace += cov[a][a];
    }
    // Shrinkage towards a scaled identity keeps the inverse stable when channels are (nearly) dependent.
    double ridge = 0.01 * trace / dim + 1e-6;
    for (int a = 0; a < dim; a++) {
      cov[a][a] += ridge;
    }
    INDArray precision = Nd4j.create(toFloat(invert(cov)));
    float[] m = new float[dim];
    for (int d = 0; d < dim; d++) {
      m[d] = (float) mean[d];
    }
    return new GaussianPatches(m, precision);
  }

  /** Gauss-Jordan with partial pivoting; the matrix is small (tens of channels) and well conditioned by the ridge. */
  static double[][] invert(double[][] m) {
    int n = m.length;
    double[][] a = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, a[i], 0, n);
      a[i][n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      double p = a[col][col];
      for (int c = 0; c < 2 * n; c++) {
        a[col][c] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != col && a[r][col] != 0) {
          double f = a[r][col];
          for (int c = 0; c < 2 * n; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], n, inv[i], 0, n);
    }
    return inv;
  }

  private static float[][] toFloat(double[][] m) {
    float[][] out = new float[m.length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        out[i][j] = (float) m[i][j];
      }
    }
    return out;
  }

  /** Mahalanobis distance of each patch (location-major raw features). */
  float[] distances(float[] features, int dim) {
    int patches = features.length / dim;
    float[] centred = features.clone();
    for (int p = 0; p < patches; p++) {
      for (int d = 0; d < dim; d++) {
        centred[p * dim + d] -= mean[d];
      }
    }
    INDArray x = Nd4j.create(centred, new long[] {patches, dim}, 'c');
    float[] d2 = x.mmul(precision).muli(x).sum(1).data().asFloat();
    for (int i = 0; i < d2.length; i++) {
      d2[i] = (float) Math.sqrt(Math.max(0, d2[i]));
    }
    return d2;
  }
}
