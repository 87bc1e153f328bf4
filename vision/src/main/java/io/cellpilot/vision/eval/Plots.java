package io.cellpilot.vision.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** Draws ROC curves as images with Java2D (no plotting library on an edge box). */
public final class Plots {
  private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

  private Plots() {}

  /** One curve per name (e.g. {@code all}, then each defect type), with its AUROC in the legend. */
  public static BufferedImage roc(Map<String, List<Roc.Point>> curves, Map<String, Double> aurocs, String title) {
    int size = 480;
    int pad = 50;
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, size, size);
    int plot = size - 2 * pad;
    g.setColor(Color.LIGHT_GRAY);
    for (int i = 0; i <= 10; i++) {
      int p = pad + i * plot / 10;
      g.drawLine(pad, p, pad + plot, p);
      g.drawLine(p, pad, p, pad + plot);
    }
    g.setColor(Color.GRAY);
    g.drawLine(pad, pad + plot, pad + plot, pad);
    g.setColor(Color.BLACK);
    g.drawRect(pad, pad, plot, plot);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString("false positive rate", pad + plot / 2 - 50, size - 15);
    g.drawString(title, pad, 30);
    g.rotate(-Math.PI / 2);
    g.drawString("true positive rate", -(pad + plot / 2 + 50), 20);
    g.rotate(Math.PI / 2);
    int k = 0;
    for (Map.Entry<String, List<Roc.Point>> e : curves.entrySet()) {
      g.setColor(COLOURS[k % COLOURS.length]);
      g.setStroke(new BasicStroke(k == 0 ? 2.5f : 1.5f));
      List<Roc.Point> pts = e.getValue();
      for (int i = 1; i < pts.size(); i++) {
        Roc.Point a = pts.get(i - 1);
        Roc.Point b = pts.get(i);
        g.drawLine(x(a.falsePositiveRate(), pad, plot), y(a.truePositiveRate(), pad, plot),
            x(b.falsePositiveRate(), pad, plot), y(b.truePositiveRate(), pad, plot));
      }
      g.drawString(String.format("%s  AUROC %.3f", e.getKey(), aurocs.getOrDefault(e.getKey(), Double.NaN)),
          pad + plot / 2, pad + plot - 15 - 16 * (curves.size() - 1 - k));
      k++;
    }
    g.dispose();
    return img;
  }

  private static int x(double fpr, int pad, int plot) {
    return pad + (int) Math.round(fpr * plot);
  }

  private static int y(double tpr, int pad, int plot) {
    return pad + plot - (int) Math.round(tpr * plot);
  }
}
