package dev.dockerlint.rules.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabelKeyInvalidTest {
  private final RuleTester tester = new RuleTester(new LabelKeyInvalid());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nLABEL org.opencontainers.image.source=\"https://example.com\"\n",
        "FROM debian:12\nLABEL maintainer=\"x\" version=1.0\n",
        "FROM debian:12\nLABEL \"com.example.vendor\"=\"ACME\"\n",
        "FROM debian:12\nLABEL com.example.some-label=\"x\" com.example.label2=y\n",
        "FROM debian:12\nLABEL com.example/name_1=x\n",
        "FROM debian:12\nLABEL $KEY=value\n",
        "FROM debian:12\nLABEL description value with spaces\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nLABEL [|Maintainer|]=\"x\"\n",
        "FROM debian:12\nLABEL [|1abc|]=x\n",
        "FROM debian:12\nLABEL [|com.docker.extension.name|]=x\n",
        "FROM debian:12\nLABEL [|io.docker.x|]=x [|org.dockerproject.y|]=z\n",
        "FROM debian:12\nLABEL [|org..example|]=x\n",
        "FROM debian:12\nLABEL [|org--example|]=x\n",
        "FROM debian:12\nLABEL [|example-|]=x\n",
        "FROM debian:12\nLABEL version=1 [|Description|]=\"x\"\n",
        "FROM debian:12\nLABEL [|\"with space\"|]=x\n",
        "FROM debian:12\nARG KEY=Vendor\nLABEL [|${KEY}|]=x\n",
        "FROM debian:12\nLABEL a=1 \\\n      [|B|]=2\n",
        "FROM debian:12\nLABEL [|Description|] legacy form\n");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void valid(String source) {
    tester.check(source);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalid(String source) {
    tester.check(source);
  }

  @Test
  void messageSaysWhatIsWrong() {
    assertThat(LabelKeyInvalid.problem("Maintainer")).contains("'M'");
    assertThat(LabelKeyInvalid.problem("1abc")).contains("start");
    assertThat(LabelKeyInvalid.problem("abc.")).contains("end");
    assertThat(LabelKeyInvalid.problem("a..b")).contains("doubled");
    assertThat(LabelKeyInvalid.problem("com.docker.x")).contains("com.docker");
    assertThat(LabelKeyInvalid.problem("com.example.x")).isNull();
    var findings = tester.check("FROM debian:12\nLABEL [|Maintainer|]=x\n");
    assertThat(findings.get(0).message()).contains("'Maintainer'").doesNotEndWith(".");
  }
}
