package io.otelite.tooling.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CandidateFilterTest {
  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void findsTheRequiredTextAnywhereInTheClassFile() {
    byte[] classFile = ascii("\u00ca\u00fe..Lcom/example/Traced;..");
    assertThat(CandidateFilter.contains(classFile, ascii("Lcom/example/Traced;"))).isTrue();
    assertThat(
            CandidateFilter.contains(ascii("Lcom/example/Traced;"), ascii("Lcom/example/Traced;")))
        .isTrue();
  }

  @Test
  void aClassFileWithoutTheTextIsNoCandidate() {
    assertThat(
            CandidateFilter.contains(
                ascii("..Lcom/example/Trace;.."), ascii("Lcom/example/Traced;")))
        .isFalse();
    assertThat(CandidateFilter.contains(ascii("Lcom"), ascii("Lcom/example/Traced;"))).isFalse();
  }

  @Test
  void anUnknownClassFileIsLeftToTheExactMatcher() {
    assertThat(CandidateFilter.contains(null, ascii("Lcom/example/Traced;"))).isTrue();
  }
}
