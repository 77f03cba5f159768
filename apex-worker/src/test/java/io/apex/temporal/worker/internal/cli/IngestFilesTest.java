package io.apex.temporal.worker.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestFilesTest {
  @TempDir Path folder;
  @TempDir Path elsewhere;

  @Test
  void aLinkInsideAFolderToAFileOutsideItIsNotFollowedAndSaysWhy() throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "secret");
    Path inside = Files.writeString(folder.resolve("inside.txt"), "inside");
    Path outsideLink = Files.createSymbolicLink(folder.resolve("outside-link"), secret);
    Path insideLink = Files.createSymbolicLink(folder.resolve("inside-link"), inside);

    List<IngestFiles.Candidate> found = IngestFiles.collect(List.of(folder));

    assertThat(found)
        .containsExactly(
            new IngestFiles.Candidate(insideLink, null),
            new IngestFiles.Candidate(inside, null),
            new IngestFiles.Candidate(
                outsideLink,
                outsideLink + " is a link to a file outside the folder (not followed)"));
  }

  @Test
  void aMissingPathIsKeptWithItsReason() {
    Path missing = folder.resolve("missing.txt");

    assertThat(IngestFiles.collect(List.of(missing)))
        .containsExactly(new IngestFiles.Candidate(missing, missing + " does not exist"));
  }

  @Test
  void aFileNameWithALineBreakOrAnEscapeCannotForgeALine() {
    IngestLine line =
        new IngestLine(IngestLine.Kind.OK, "id", "/docs/a\nOK forged \u001b[2J.txt", 1, 0, null);

    assertThat(line.line()).isEqualTo("OK id /docs/a\\u000aOK forged \\u001b[2J.txt 1 0");
    assertThat(line.line().lines()).hasSize(1);
  }
}
