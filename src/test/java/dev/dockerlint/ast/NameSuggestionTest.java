package dev.dockerlint.ast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggestionTest {
  @Test
  void suggestsTheClosestNameWithinTheLimit() {
    List<String> keywords = List.of("run", "cmd", "copy", "from");
    assertThat(NameSuggestion.closest("RUNN", keywords, 2)).contains("run");
    assertThat(NameSuggestion.closest("cpy", keywords, 2)).contains("copy");
    assertThat(NameSuggestion.closest("healthcheck", keywords, 2)).isEmpty();
  }

  @Test
  void ignoresCaseNullsAndTheNameItself() {
    assertThat(NameSuggestion.closest("Build", Arrays.asList(null, "build", "test"), 1)).contains("build");
    assertThat(NameSuggestion.closest("build", List.of("build"), 2)).isEmpty();
  }

  @Test
  void distanceCountsEdits() {
    assertThat(NameSuggestion.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NameSuggestion.distance("", "abc")).isEqualTo(3);
    assertThat(NameSuggestion.distance("same", "same")).isZero();
  }
}
