package io.apex.temporal.perf.report;

import java.util.List;
import java.util.Locale;

/** Just enough SVG for the report's charts: lines, polylines, rectangles, circles and text. */
final class SvgCanvas {
  private final StringBuilder body = new StringBuilder();
  private final int width;
  private final int height;

  SvgCanvas(int width, int height) {
    this.width = width;
    this.height = height;
  }

  void rect(double x, double y, double w, double h, String fill) {
    body.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
            x,
            y,
            w,
            h,
            fill));
  }

  void line(double x1, double y1, double x2, double y2, String stroke, String dash) {
    body.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
            x1,
            y1,
            x2,
            y2,
            stroke,
            dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
  }

  /** One polyline per run of points; a {@code null} point breaks the line. */
  void polyline(List<double[]> points, String stroke, String dash) {
    StringBuilder run = new StringBuilder();
    for (double[] point : points) {
      if (point == null) {
        flush(run, stroke, dash);
        continue;
      }
      run.append(String.format(Locale.ROOT, "%.1f,%.1f ", point[0], point[1]));
    }
    flush(run, stroke, dash);
  }

  private void flush(StringBuilder run, String stroke, String dash) {
    if (run.length() > 0) {
      body.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"")
          .append(stroke)
          .append('"')
          .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
          .append(" points=\"")
          .append(run.toString().trim())
          .append("\"/>\n");
      run.setLength(0);
    }
  }

  void circle(double x, double y, double r, String fill) {
    body.append(
        String.format(
            Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n",
            x,
            y,
            r,
            fill));
  }

  void text(double x, double y, String text, String anchor, int size) {
    body.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
            x,
            y,
            anchor,
            size,
            escape(text)));
  }

  /** Text read bottom to top, for a label in a narrow column. */
  void verticalText(double x, double y, String text, int size) {
    body.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"%d\""
                + " transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n",
            x,
            y,
            size,
            x,
            y,
            escape(text)));
  }

  String render() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + width
        + "\" height=\""
        + height
        + "\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" font-family=\"sans-serif\">\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        + body
        + "</svg>\n";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
