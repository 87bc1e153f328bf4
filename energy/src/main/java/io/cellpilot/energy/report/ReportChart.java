package io.cellpilot.energy.report;

import io.cellpilot.energy.record.ShiftRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * A PNG a plant manager can open: three panels over the same shifts, energy (kWh, idle part darker), carbon (kg CO2,
 * location- and market-based side by side) and OEE (%, with its three factors). Java2D, headless.
 */
public final class ReportChart {
  private static final int PANEL_H = 200;
  private static final int TOP = 40;
  private static final int LEFT = 70;
  private static final Color ENERGY = new Color(0x3b7dd8);
  private static final Color IDLE = new Color(0x1d3f6e);
  private static final Color LOCATION = new Color(0x8c8c8c);
  private static final Color MARKET = new Color(0x2e9d5a);
  private static final Color OEE = new Color(0xd87a1c);

  private ReportChart() {}

  public static void write(List<ShiftRecord> shifts, String title, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    int n = Math.max(1, shifts.size());
    int slot = Math.max(24, Math.min(90, 1100 / n));
    int width = LEFT + n * slot + 40;
    int height = TOP + 3 * (PANEL_H + 50) + 20;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, LEFT, 22);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));

    int y0 = TOP;
    panel(g, shifts, slot, y0, "energy, kWh (dark: idle)", max(shifts, ShiftRecord::siteKwh), (s, x, w, scale) -> {
      bar(g, x, w, y0, s.siteKwh() * scale, ENERGY);
      bar(g, x, w, y0, s.idleKwh() * scale, IDLE);
    });
    int y1 = TOP + PANEL_H + 50;
    double carbonMax = Math.max(max(shifts, ShiftRecord::locationKg), max(shifts, ShiftRecord::marketKg));
    panel(g, shifts, slot, y1, "carbon, kg CO2 (grey: location-based, green: market-based)", carbonMax,
        (s, x, w, scale) -> {
          bar(g, x, w / 2, y1, s.locationKg() * scale, LOCATION);
          bar(g, x + w / 2, w / 2, y1, s.marketKg() * scale, MARKET);
        });
    int y2 = TOP + 2 * (PANEL_H + 50);
    panel(g, shifts, slot, y2, "OEE, % (bars: availability, performance, quality; line: OEE)", 100,
        (s, x, w, scale) -> {
          bar(g, x, w / 3, y2, pct(s.availability()) * scale, new Color(0x9ecae1));
          bar(g, x + w / 3, w / 3, y2, pct(s.performance()) * scale, new Color(0x6baed6));
          bar(g, x + 2 * w / 3, w / 3, y2, pct(s.quality()) * scale, new Color(0x4292c6));
          if (Double.isFinite(s.oee())) {
            g.setColor(OEE);
            g.setStroke(new BasicStroke(3));
            int y = y2 + PANEL_H - (int) Math.round(pct(s.oee()) * scale);
            g.drawLine(x, y, x + w, y);
            g.setStroke(new BasicStroke(1));
          }
        });
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
  }

  private interface Painter {
    void paint(ShiftRecord s, int x, int w, double scale);
  }

  private static void panel(Graphics2D g, List<ShiftRecord> shifts, int slot, int y, String label, double max,
      Painter painter) {
    double top = max > 0 && Double.isFinite(max) ? max * 1.1 : 1;
    double scale = PANEL_H / top;
    g.setColor(Color.BLACK);
    g.drawString(label, LEFT, y - 6);
    g.setColor(new Color(0xdddddd));
    for (int k = 0; k <= 4; k++) {
      int yy = y + PANEL_H - (int) Math.round(PANEL_H * k / 4.0);
      g.drawLine(LEFT, yy, LEFT + shifts.size() * slot, yy);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.4g", top * k / 4.0), 4, yy + 4);
      g.setColor(new Color(0xdddddd));
    }
    for (int i = 0; i < shifts.size(); i++) {
      ShiftRecord s = shifts.get(i);
      int x = LEFT + i * slot + 4;
      painter.paint(s, x, slot - 8, scale);
      g.setColor(Color.DARK_GRAY);
      String tick = s.shift().length() > 5 ? s.shift().substring(5) : s.shift();
      g.drawString(tick, x, y + PANEL_H + 14);
    }
  }

  private static void bar(Graphics2D g, int x, int w, int panelY, double h, Color c) {
    if (!Double.isFinite(h) || h <= 0) {
      return;
    }
    int hh = (int) Math.round(Math.min(h, PANEL_H));
    g.setColor(c);
    g.fillRect(x, panelY + PANEL_H - hh, Math.max(1, w), hh);
  }

  private static double pct(double ratio) {
    return Double.isFinite(ratio) ? ratio * 100 : Double.NaN;
  }

  private static double max(List<ShiftRecord> shifts, ToDoubleFunction<ShiftRecord> f) {
    return shifts.stream().mapToDouble(f).filter(Double::isFinite).max().orElse(0);
  }
}
