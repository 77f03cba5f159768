package io.apex.temporal.perf.memory;

import java.util.List;

/** The least-squares line through points: {@code y = intercept + slope * x}. */
public record LinearFit(double slope, double intercept) {

  /** A point of the fit. */
  public record Point(double x, double y) {}

  public static LinearFit of(List<Point> points) {
    if (points.size() < 2) {
      throw new IllegalArgumentException("a line needs at least two points, got " + points.size());
    }
    double n = points.size();
    double meanX = points.stream().mapToDouble(Point::x).sum() / n;
    double meanY = points.stream().mapToDouble(Point::y).sum() / n;
    double covariance = 0;
    double varianceX = 0;
    for (Point point : points) {
      covariance += (point.x() - meanX) * (point.y() - meanY);
      varianceX += (point.x() - meanX) * (point.x() - meanX);
    }
    if (varianceX == 0) {
      throw new IllegalArgumentException("a line needs points at two different x values");
    }
    double slope = covariance / varianceX;
    return new LinearFit(slope, meanY - slope * meanX);
  }
}
