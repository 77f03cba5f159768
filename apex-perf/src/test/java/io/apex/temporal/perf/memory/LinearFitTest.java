package io.apex.temporal.perf.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearFitTest {

  @Test
  void pointsOnALineGiveThatLine() {
    LinearFit fit =
        LinearFit.of(
            List.of(
                new LinearFit.Point(0, 100),
                new LinearFit.Point(10, 120),
                new LinearFit.Point(20, 140)));

    assertThat(fit.slope()).isCloseTo(2.0, within(1e-9));
    assertThat(fit.intercept()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void noiseAroundAFlatLevelGivesASlopeNearZero() {
    LinearFit fit =
        LinearFit.of(
            List.of(
                new LinearFit.Point(0, 10),
                new LinearFit.Point(1, 12),
                new LinearFit.Point(2, 10),
                new LinearFit.Point(3, 12),
                new LinearFit.Point(4, 10),
                new LinearFit.Point(5, 12),
                new LinearFit.Point(6, 10),
                new LinearFit.Point(7, 12)));

    assertThat(Math.abs(fit.slope())).isLessThan(0.1);
  }

  @Test
  void oneOutlierMovesTheFittedSlopeLessThanTheOutlierItself() {
    LinearFit fit =
        LinearFit.of(
            List.of(
                new LinearFit.Point(0, 10),
                new LinearFit.Point(1, 10),
                new LinearFit.Point(2, 10),
                new LinearFit.Point(3, 10),
                new LinearFit.Point(4, 13)));

    assertThat(fit.slope()).isLessThan(3.0 / 4);
  }

  @Test
  void aLineNeedsTwoDistinctXValues() {
    assertThatThrownBy(() -> LinearFit.of(List.of(new LinearFit.Point(1, 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> LinearFit.of(List.of(new LinearFit.Point(1, 1), new LinearFit.Point(1, 2))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
