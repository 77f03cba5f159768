package io.apex.temporal.perf.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RampPlanTest {

  @Test
  void eachStepMultipliesTheRateByTheFactor() {
    RampPlan plan = new RampPlan(40, 1.5, 5, 4, 1000);

    assertThat(plan.rateOfStep(0)).isEqualTo(40);
    assertThat(plan.rateOfStep(1)).isEqualTo(60);
    assertThat(plan.rateOfStep(2)).isEqualTo(90);
    assertThat(plan.rateOfStep(3)).isEqualTo(135);
  }

  @Test
  void aSmallRateStillGrowsByAtLeastOneAStep() {
    RampPlan plan = new RampPlan(1, 1.1, 5, 4, 1000);

    assertThat(plan.rateOfStep(1)).isEqualTo(2);
    assertThat(plan.rateOfStep(2)).isEqualTo(3);
  }
}
