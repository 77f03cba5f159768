package io.apex.temporal.perf.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The collection as its README describes it, read from the copy in the resources. */
class CisiCollectionTest {

  @Test
  void theCopyHoldsEveryDocumentAndTheSeventySixJudgedQueries() {
    var cisi = CisiCollection.load();
    assertThat(cisi.documents()).hasSize(1460);
    assertThat(cisi.queries()).hasSize(112);
    assertThat(cisi.relevant()).hasSize(76);
    assertThat(cisi.documents().get(1))
        .startsWith("18 Editions of the Dewey Decimal Classifications\n\n")
        .contains("The present study is a history of the DEWEY Decimal")
        .doesNotContain("Comaromi");
    assertThat(cisi.queries().get(3))
        .isEqualTo("What is information science?  Give definitions where possible.");
    assertThat(cisi.relevant().get(1)).contains(28, 35, 38);
  }
}
