package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading ShellCheck's json1 output; anything else is refused, never half-read. */
class Json1Test {
  @Test
  void readsCommentsWithTheirFix() throws Json.Malformed {
    List<Json1.Comment> comments = Json1.parse("""
        {"comments":[{"file":"0.sh","line":4,"endLine":4,"column":6,"endColumn":10,"level":"info","code":2086,
        "message":"Double quote to prevent globbing and word splitting.","fix":{"replacements":[{"column":6,
        "endColumn":6,"endLine":4,"insertionPoint":"afterEnd","line":4,"precedence":7,"replacement":"\\""}]}},
        {"file":"1.sh","line":5,"endLine":5,"column":1,"endColumn":1,"level":"error","code":1072,
        "message":"Expected \\u0027fi\\u0027.\\n","fix":null}]}
        """);
    assertThat(comments).hasSize(2);
    Json1.Comment first = comments.get(0);
    assertThat(first.file()).isEqualTo("0.sh");
    assertThat(first.code()).isEqualTo(2086);
    assertThat(first.level()).isEqualTo("info");
    assertThat(List.of(first.line(), first.column(), first.endLine(), first.endColumn())).containsExactly(4, 6, 4, 10);
    assertThat(first.fix()).singleElement().satisfies(r -> {
      assertThat(r.text()).isEqualTo("\"");
      assertThat(r.afterEnd()).isTrue();
      assertThat(r.precedence()).isEqualTo(7);
    });
    assertThat(comments.get(1).message()).isEqualTo("Expected 'fi'.\n");
    assertThat(comments.get(1).fix()).isEmpty();
  }

  @Test
  void anEndMissingIsTheStart() throws Json.Malformed {
    Json1.Comment c = Json1.parse("{\"comments\":[{\"file\":\"0.sh\",\"line\":2,\"column\":3,\"level\":\"style\","
        + "\"code\":2005,\"message\":\"m\"}]}").get(0);
    assertThat(List.of(c.endLine(), c.endColumn())).containsExactly(2, 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "garbage", "[]", "{}", "{\"comments\":{}}", "{\"comments\":[1]}",
      "{\"comments\":[{\"file\":\"0.sh\",\"line\":0,\"column\":1,\"level\":\"info\",\"code\":1,\"message\":\"m\"}]}",
      "{\"comments\":[{\"file\":\"0.sh\",\"line\":1,\"column\":1,\"level\":\"fatal\",\"code\":1,\"message\":\"m\"}]}",
      "{\"comments\":[{\"file\":\"0.sh\",\"line\":\"1\",\"column\":1,\"level\":\"info\",\"code\":1,\"message\":\"m\"}]}",
      "{\"comments\":[{\"line\":1,\"column\":1,\"level\":\"info\",\"code\":1,\"message\":\"m\"}]}",
      "{\"comments\":[{\"file\":\"0.sh\",\"line\":1,\"column\":1,\"level\":\"info\",\"code\":1,\"message\":\"m\","
          + "\"fix\":{\"replacements\":[{}]}}]}",
      "{\"comments\":[]} trailing", "{\"comments\":[],}", "{\"comments\":[\"\\x\"]}", "{\"comments\":[\"\u0001\"]}",
      "{\"comments\":[{\"file\":\"0.sh\",\"line\":99999999999,\"column\":1,\"level\":\"info\",\"code\":1,\"message\":\"m\"}]}",
      "{\"comments\": [", "{\"comments\":[{\"file\":\"0.sh\""})
  void garbledOutputIsMalformed(String output) {
    assertThatThrownBy(() -> Json1.parse(output)).isInstanceOf(Json.Malformed.class);
  }

  @Test
  void deepNestingIsMalformedNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(Json.Malformed.class).hasMessageContaining("nested");
  }

  @Test
  void jsonValuesAreReadAsJavaValues() throws Json.Malformed {
    Object value = Json.parse(" {\"a\": [1, -2.5e1, true, false, null, \"\\ud83d\\ude00 \\t\"], \"b\": {}} ");
    assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -25.0, true, false, null, "😀 \t"), "b", Map.of()));
  }
}
