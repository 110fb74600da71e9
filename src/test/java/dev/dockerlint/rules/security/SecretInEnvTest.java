package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretInEnvTest {
  private final RuleTester tester = new RuleTester(new SecretInEnv());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nENV KEYBOARD=us\n",
        "FROM alpine:3.20\nENV TOKENIZERS_PARALLELISM=false\n",
        "FROM alpine:3.20\nENV POSTGRES_PASSWORD_FILE=/run/secrets/pw\n",
        "FROM alpine:3.20\nENV SECRET_PATH=/etc/secret\n",
        "FROM alpine:3.20\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\n",
        "FROM alpine:3.20\nENV PUBLIC_KEY=ssh-ed25519\n",
        "FROM alpine:3.20\nENV AUTH_MODULE_VERSION=1.2\n",
        "FROM alpine:3.20\nENV SSH_AUTH_SOCK=/tmp/agent.sock\n",
        "FROM alpine:3.20\nENV AUTHOR=me\n",
        "FROM alpine:3.20\nENV DB_PASSWORD=\n",
        "FROM alpine:3.20\nENV PASSWORD=/run/secrets/db\n",
        "FROM alpine:3.20\nARG VERSION=1\nENV NODE_VERSION=20\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nONBUILD ENV [|API_TOKEN|]=abc123def\n",
        "FROM alpine:3.20\nONBUILD ARG [|NPM_TOKEN|]\n",
        "FROM alpine:3.20\nENV [|DB_PASSWORD|]=hunter2\n",
        "FROM alpine:3.20\nENV [|PASSWORD|] hunter2\n",
        "FROM alpine:3.20\nARG [|NPM_TOKEN|]\n",
        "ARG [|GITHUB_TOKEN|]\nFROM alpine:3.20\n",
        "FROM alpine:3.20\nENV [|AWS_SECRET_ACCESS_KEY|]=abc123abc123 [|AWS_ACCESS_KEY_ID|]=AKIA0000\n",
        "FROM alpine:3.20\nENV [|apiKey|]=abcdef\n",
        "FROM alpine:3.20\nENV [|API_KEY|]=abcdef\n",
        "FROM alpine:3.20\nENV [|PRIVATE_KEY|]=abc\n",
        "FROM alpine:3.20\nENV [|NODE_AUTH_TOKEN|]=xyz\n",
        "FROM alpine:3.20\nARG [|DB_PASSWD|]=default\n",
        "FROM alpine:3.20\nENV [|spring.datasource.password|]=pw\n",
        "FROM alpine:3.20\nARG PW=abc\nENV [|MYSQL_ROOT_PASSWORD|]=$PW\n",
        "FROM alpine:3.20\nENV A=1 \\\n    [|CLIENT_SECRET|]=s3cr3t\n");
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
  void neverPrintsTheValue() {
    var findings = tester.check("FROM alpine:3.20\nENV [|API_TOKEN|]=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n");
    assertThat(findings.get(0).message())
        .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789")
        .doesNotContain("abcdefgh")
        .contains("ghp_****")
        .contains("RUN --mount=type=secret");
  }

  @Test
  void masksShortValuesCompletely() {
    assertThat(SecretInEnv.mask("abc")).isEqualTo("****");
    assertThat(SecretInEnv.mask("hunter22")).isEqualTo("hu****");
  }
}
