package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.rules.RuleTester;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExposeInvalidTest {
  private final RuleTester tester = new RuleTester(new ExposeInvalid());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nEXPOSE 80\n",
        "FROM alpine:3.20\nEXPOSE 80/tcp 53/udp 9000/sctp\n",
        "FROM alpine:3.20\nEXPOSE 8000-8100\n",
        "FROM alpine:3.20\nEXPOSE 0 65535\n",
        "FROM alpine:3.20\nARG PORT=8080\nEXPOSE $PORT\n",
        "FROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n",
        "FROM alpine:3.20\nEXPOSE ${PORT}\n",
        "FROM alpine:3.20\nENV PORTS=\"80 443\"\nEXPOSE $PORTS\n",
        "FROM alpine:3.20\nEXPOSE 80 \\\n  443\n",
        "FROM alpine:3.20\nEXPOSE 80/\n",
        "FROM alpine:3.20\nEXPOSE 0080 8000-8010/UDP\n".replace("/UDP", "/udp"));
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nEXPOSE 80 \\\n# tls\n  [|443/TCP|]\n",
        "FROM alpine:3.20\nEXPOSE [|80:80|]\n",
        "FROM alpine:3.20\nEXPOSE [|127.0.0.1:80:80|]\n",
        "FROM alpine:3.20\nEXPOSE [|80/TCP|]\n",
        "FROM alpine:3.20\nEXPOSE [|80/http|]\n",
        "FROM alpine:3.20\nEXPOSE [|70000|]\n",
        "FROM alpine:3.20\nEXPOSE [|8100-8000|]\n",
        "FROM alpine:3.20\nEXPOSE [|8000-70000|]\n",
        "FROM alpine:3.20\nEXPOSE 80 [|http|]\n",
        "FROM alpine:3.20\nARG PORT=99999\nEXPOSE [|$PORT|]\n",
        "FROM alpine:3.20\nENV PORTS=\"80 70000\"\nEXPOSE [|$PORTS|]\n",
        "FROM alpine:3.20\nexpose 80 \\\n  [|443/Udp|]\n",
        // BuildKit's parsePortSpec: [ip:][hostPort:]containerPort[/protocol]
        "FROM alpine:3.20\nEXPOSE [|/tcp|]\n",
        "FROM alpine:3.20\nEXPOSE [|1.2.3:80:80|]\n",
        "FROM alpine:3.20\nEXPOSE [|[::1]:8080:80|]\n",
        "FROM alpine:3.20\nEXPOSE [|x:80|]\n",
        "FROM alpine:3.20\nEXPOSE [|8000-8001:80-82|]\n",
        "FROM alpine:3.20\nEXPOSE [|8000-8010:80|]\n",
        "FROM alpine:3.20\nEXPOSE [|1-2-3|]\n",
        "FROM alpine:3.20\nEXPOSE [|+80|]\n");
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
  void messageQuotesTheValueAndSaysWhatToDo() {
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|80/TCP|]\n").get(0).message()).contains("'80/TCP'").contains("80/tcp").contains("lowercase");
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|8080:80|]\n").get(0).message()).contains("'8080:80'").contains("EXPOSE 80").contains("docker run -p");
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|70000|]\n").get(0).message()).contains("'70000'").contains("0-65535");
  }

  @Test
  void dockerRejectsAreErrorsAndWhatItOnlyWarnsAboutAreWarnings() {
    // EXPOSE 8080/TCP builds (BuildKit warns ExposeProtoCasing), so does EXPOSE 8080:80 (ExposeInvalidFormat)
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|80/TCP|]\n").get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|8080:80|]\n").get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|127.0.0.1:8080:80/udp|]\n").get(0).severity())
        .isEqualTo(Severity.WARNING);
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|70000|]\n").get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|80/http|]\n").get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|x:80|]\n").get(0).severity()).isEqualTo(Severity.ERROR);
    // two warnings for one value: both its casing and its host part
    assertThat(tester.lint("FROM alpine:3.20\nEXPOSE 8080:80/TCP\n")).extracting(f -> f.aliases().get(0))
        .containsExactlyInAnyOrder("ExposeProtoCasing", "ExposeInvalidFormat");
  }

  @Test
  void aConfiguredSeverityStillWins() {
    var settings = new LintSettings(Set.of(), Set.of(), Map.of("expose-invalid", Severity.INFO), List.of());
    assertThat(tester.lint("FROM alpine:3.20\nEXPOSE 80/TCP 70000\n", settings)).extracting(Finding::severity)
        .containsExactly(Severity.INFO, Severity.INFO);
  }

  @Test
  void eachCaseCarriesItsOwnCode() {
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|80/TCP|]\n").get(0).aliases()).containsExactly("ExposeProtoCasing");
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|80:80|]\n").get(0).aliases()).containsExactly("ExposeInvalidFormat");
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|70000|]\n").get(0).aliases()).containsExactly("DL3011");
  }
}
