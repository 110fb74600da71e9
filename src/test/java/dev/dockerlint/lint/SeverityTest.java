package dev.dockerlint.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeverityTest {
  @Test
  void ordersBySeverity() {
    assertThat(Severity.ERROR.atLeast(Severity.WARNING)).isTrue();
    assertThat(Severity.STYLE.atLeast(Severity.INFO)).isFalse();
    assertThat(Severity.parse("Warning")).contains(Severity.WARNING);
    assertThat(Severity.parse("fatal")).isEmpty();
  }
}
