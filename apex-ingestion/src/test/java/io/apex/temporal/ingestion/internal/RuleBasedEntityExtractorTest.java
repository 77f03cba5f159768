package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class RuleBasedEntityExtractorTest {
  private final EntityExtractor extractor = new RuleBasedEntityExtractor();

  @Test
  void findsEachKindWithItsNormalisedValue() {
    var text =
        "Dr. Jane Smith of Acme Corp wrote to Billing@Globex.example on March 5, 2024 about"
            + " invoice INV-2024-0042 for $1,250.00 and parcel TRK-778; see"
            + " https://globex.example/orders?id=7. Globex GmbH replied on 2024-03-07 with"
            + " 300 EUR.";
    assertThat(extractor.extract(text))
        .extracting(EntityMention::kind, EntityMention::normalized)
        .containsExactly(
            tuple("PERSON", "Jane Smith"),
            tuple("ORGANIZATION", "Acme Corp"),
            tuple("EMAIL", "billing@globex.example"),
            tuple("DATE", "2024-03-05"),
            tuple("IDENTIFIER", "INV-2024-0042"),
            tuple("MONEY", "$1,250.00"),
            tuple("IDENTIFIER", "TRK-778"),
            tuple("URL", "https://globex.example/orders?id=7"),
            tuple("ORGANIZATION", "Globex GmbH"),
            tuple("DATE", "2024-03-07"),
            tuple("MONEY", "300EUR"));
  }

  @Test
  void offsetsPointAtTheSurfaceText() {
    var text = "Call Mr. John Doe at Initech Inc today.";
    var mentions = extractor.extract(text);
    assertThat(mentions).extracting(EntityMention::kind).containsExactly("PERSON", "ORGANIZATION");
    for (var m : mentions) {
      assertThat(text.substring(m.startOffset(), m.endOffset())).isEqualTo(m.surface());
    }
  }

  @Test
  void plainProseHasNoEntities() {
    assertThat(extractor.extract("the weather was mild and the river was calm all week")).isEmpty();
  }

  @Test
  void anImpossibleDateIsNotADate() {
    assertThat(extractor.extract("on 2024-13-45 nothing happened"))
        .extracting(EntityMention::kind)
        .doesNotContain("DATE");
  }
}
