package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportersTest {
  @Test
  void everyListedFormatHasAReporter() {
    for (String format : Reporters.FORMATS) {
      assertThat(Reporters.forFormat(format, false)).as(format).isPresent();
    }
    assertThat(Reporters.FORMATS).doesNotHaveDuplicates();
    assertThat(Reporters.forFormat("xml", false)).isEmpty();
  }
}
