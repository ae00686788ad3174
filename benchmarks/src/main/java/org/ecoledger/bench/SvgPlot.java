package org.ecoledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small line chart on log-log axes, written as SVG so that the plots need nothing beyond the JDK. */
public final class SvgPlot {

    /** One measured point. */
    public record Point(double x, double y) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int MARGIN = 70;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<Point>> series = new LinkedHashMap<>();

    public SvgPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public SvgPlot add(String name, double x, double y) {
        if (x > 0 && y > 0) {
            series.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(x, y));
        }
        return this;
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    public String render() {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (List<Point> points : series.values()) {
            for (Point p : points) {
                minX = Math.min(minX, Math.log10(p.x()));
                maxX = Math.max(maxX, Math.log10(p.x()));
                minY = Math.min(minY, Math.log10(p.y()));
                maxY = Math.max(maxY, Math.log10(p.y()));
            }
        }
        minX = Math.floor(minX);
        maxX = Math.max(Math.ceil(maxX), minX + 1);
        minY = Math.floor(minY);
        maxY = Math.max(Math.ceil(maxY), minY + 1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>%n",
                WIDTH, HEIGHT));
        svg.append("<rect width='100%' height='100%' fill='white'/>\n");
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='24' font-size='15'>%s</text>%n", MARGIN, escape(title)));
        int plotW = WIDTH - 2 * MARGIN;
        int plotH = HEIGHT - 2 * MARGIN;
        for (double d = minX; d <= maxX; d++) {
            double x = MARGIN + (d - minX) / (maxX - minX) * plotW;
            svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#ddd'/>%n",
                                     x, MARGIN, x, MARGIN + plotH));
            svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>%n",
                                     x, MARGIN + plotH + 18, label(d)));
        }
        for (double d = minY; d <= maxY; d++) {
            double y = MARGIN + plotH - (d - minY) / (maxY - minY) * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/>%n",
                                     MARGIN, y, MARGIN + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%.1f' text-anchor='end'>%s</text>%n",
                                     MARGIN - 6, y + 4, label(d)));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>%s</text>%n",
                                 MARGIN + plotW / 2, HEIGHT - 20, escape(xLabel)));
        svg.append(String.format(Locale.ROOT,
                "<text x='18' y='%d' text-anchor='middle' transform='rotate(-90 18 %d)'>%s</text>%n",
                MARGIN + plotH / 2, MARGIN + plotH / 2, escape(yLabel)));
        int index = 0;
        for (Map.Entry<String, List<Point>> entry : series.entrySet()) {
            String colour = COLOURS[index % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (Point p : entry.getValue()) {
                double x = MARGIN + (Math.log10(p.x()) - minX) / (maxX - minX) * plotW;
                double y = MARGIN + plotH - (Math.log10(p.y()) - minY) / (maxY - minY) * plotH;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='4' fill='%s'/>%n", x, y, colour));
            }
            svg.append(String.format(Locale.ROOT, "<path d='%s' stroke='%s' stroke-width='2' fill='none'/>%n",
                                     path, colour));
            svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='12' height='12' fill='%s'/>%n",
                                     WIDTH - MARGIN - 150, MARGIN + 4 + index * 18, colour));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d'>%s</text>%n", WIDTH - MARGIN - 132,
                                     MARGIN + 14 + index * 18, escape(entry.getKey())));
            index++;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String label(double exponent) {
        double value = Math.pow(10, exponent);
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.0fM", value / 1_000_000);
        }
        if (value >= 1_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1_000);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
