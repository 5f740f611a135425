package io.github.pixverse4j.reliability.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/reliability.md} is exactly the rendering of the matrix the other tests run. */
class ReliabilityDocTest {
  @Test
  void docsReliabilityMdIsTheRenderingOfTheFaultMatrix() throws IOException {
    Path file = ReliabilityDoc.docsFile();
    String expected = ReliabilityDoc.render(FaultMatrix.cells());
    if (Boolean.getBoolean("reliability.writeDocs")) {
      Files.createDirectories(file.getParent());
      Files.write(file, expected.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(file)
        .as("%s is missing; regenerate it with:%n  %s", file, ReliabilityDoc.REGENERATE)
        .exists();
    String actual = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    assertThat(actual)
        .as(
            "%s differs from the fault matrix in FaultMatrix.java (%s); regenerate it with:%n  %s",
            file, ReliabilityDoc.summary(FaultMatrix.cells()), ReliabilityDoc.REGENERATE)
        .isEqualTo(expected);
  }
}
