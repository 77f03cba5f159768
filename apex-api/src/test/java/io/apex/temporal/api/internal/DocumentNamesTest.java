package io.apex.temporal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentNamesTest {
  @Test
  void anUploadKeepsOnlyTheFileNameWithoutDirectoriesOrControlCharacters() {
    assertThat(UploadForm.fileName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(UploadForm.fileName("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
    assertThat(UploadForm.fileName("a\nOK forged.txt")).isEqualTo("aOK forged.txt");
    assertThat(UploadForm.fileName("..")).isEqualTo("upload");
    assertThat(UploadForm.fileName("")).isEqualTo("upload");
  }

  @Test
  void aCursorIsTheLastDocumentIdAndOnlyOneTheApiCouldHaveGivenIsTaken() {
    String cursor = DocumentRoutes.encodeCursor("abc-123");

    assertThat(DocumentRoutes.decodeCursor(cursor)).isEqualTo("abc-123");
    assertThat(DocumentRoutes.decodeCursor(null)).isNull();
    assertThatThrownBy(() -> DocumentRoutes.decodeCursor("!!"))
        .isInstanceOf(ApiProblem.class)
        .hasMessageStartingWith("cursor is not one this API returned");
    assertThatThrownBy(() -> DocumentRoutes.decodeCursor(DocumentRoutes.encodeCursor("a b")))
        .isInstanceOf(ApiProblem.class);
  }
}
