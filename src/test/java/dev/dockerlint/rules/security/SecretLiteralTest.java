package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretLiteralTest {
  private final RuleTester tester = new RuleTester(new SecretLiteral());
  private static final String AWS = "AKIA" + "Z7QW3ERTYUIOPASD";
  private static final String GHP = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A";
  private static final String STRIPE = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
  private static final String GOOGLE = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
  private static final String GITLAB = "glpat-" + "a1B2c3D4e5F6g7H8i9J0";
  private static final String SLACK = "xoxb-" + "1234567890-abcdefABCDEF";
  private static final String HOOK = "hooks.slack.com/services/" + "T0ABCDEFG/B0ABCDEFG/abcdefghijklmnop";
  private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----";

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\n",
        "FROM alpine:3.20\nRUN echo 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  file' | sha256sum -c -\n",
        // the documented AWS example key
        "FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n",
        // too short, or part of a longer word
        "FROM alpine:3.20\nENV A=AKIA1234\n",
        "FROM alpine:3.20\nENV A=X" + AWS + "\n",
        "FROM alpine:3.20\nENV A=" + AWS + "X1\n",
        "FROM alpine:3.20\nENV A=ghp_short\n",
        // a header alone is not a key
        "FROM alpine:3.20\nRUN grep -q 'BEGIN RSA PRIVATE KEY' /etc/key.pem\n",
        "FROM alpine:3.20\nRUN grep -q -- '-----BEGIN RSA PRIVATE KEY-----' /etc/key.pem\n",
        "FROM alpine:3.20\nLABEL org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567\n",
        "FROM alpine:3.20\nENV STRIPE_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=[|" + AWS + "|]\n",
        "FROM alpine:3.20\nARG TOKEN=[|" + GHP + "|]\n",
        "FROM alpine:3.20\nLABEL key=\"[|" + STRIPE + "|]\"\n",
        "FROM alpine:3.20\nRUN curl -H 'PRIVATE-TOKEN: [|" + GITLAB + "|]' https://gitlab.example.com/api\n",
        "FROM alpine:3.20\nRUN apk add --no-cache curl \\\n  && curl -X POST https://[|" + HOOK + "|] -d '{}'\n",
        "FROM alpine:3.20\nRUN echo \"export GOOGLE_API_KEY=[|" + GOOGLE + "|]\" >> /etc/profile\n",
        "FROM alpine:3.20\nENV SLACK=[|" + SLACK + "|] A=1\n",
        // heredoc bodies of RUN and COPY
        "FROM alpine:3.20\nRUN <<EOF\nmkdir -p /root/.ssh\necho '[|" + KEY + "|]' > /root/.ssh/id_ed25519\nEOF\n",
        "FROM alpine:3.20\nCOPY <<EOF /root/.ssh/id_ed25519\n[|" + KEY + "|]\nEOF\n",
        "FROM alpine:3.20\nCOPY <<EOF /root/.aws/credentials\n[default]\naws_access_key_id = [|" + AWS + "|]\nEOF\n",
        // two in one instruction, in a later stage
        "FROM alpine:3.20 AS build\nRUN true\nFROM build\nENV A=[|" + AWS + "|] B=[|" + GHP + "|]\n",
        // ONBUILD triggers are instructions too
        "FROM alpine:3.20\nONBUILD ENV A=[|" + GHP + "|]\n");
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
  void messageNamesTheKindAndNeverShowsTheValue() {
    var findings = tester.check("FROM alpine:3.20\nENV GITHUB_TOKEN=[|" + GHP + "|]\n");
    assertThat(findings.get(0).message())
        .isEqualTo("GitHub personal access token 'ghp_****' is written in the Dockerfile; revoke it and pass "
            + "credentials at build time with RUN --mount=type=secret instead")
        .doesNotContain(GHP.substring(4, 12));
    var key = tester.check("FROM alpine:3.20\nCOPY <<EOF /k\n[|" + KEY + "|]\nEOF\n");
    assertThat(key.get(0).message()).startsWith("Private key '-----BEGIN ****'").doesNotContain("b3Bl");
  }

  @Test
  // a hang guard against superlinear blow-ups on huge input; speed itself is measured in bench/
  @Timeout(60)
  void scanIsLinearOnHostileInput() {
    String hostile = "AKIA".repeat(200_000) + "ghp_".repeat(200_000) + "-----BEGIN ".repeat(100_000);
    assertThat(SecretLiteral.scan(hostile, 0, hostile.length())).isEmpty();
  }

  /**
   * The scan tries every format in one pass over the text. Texts made of known tokens, near misses
   * and separators in random order must give exactly the tokens, where they were put. (A lone
   * PEM header is left out: with a key after it, the key's END line ends it, by design.)
   */
  @Test
  void onePassFindsEachTokenWhereItWasPutAndNoNearMiss() {
    String[] tokens = {AWS, GHP, STRIPE, GOOGLE, GITLAB, SLACK, HOOK, KEY, "xoxb-xoxb-1234567890"};
    String[] nearMisses = {"AKIA1234", "ghp_short", "xoxb-", "X" + AWS, AWS + "X1", "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "hooks.slack.com/services/T0/B0/x", "AIza", "ghp_" + GHP, "AKIAIOSFODNN7EXAMPLE"};
    String[] separators = {" ", "\n", "=", "'", "\"", " && ", ":"};
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      java.util.List<String> expected = new java.util.ArrayList<>();
      for (int piece = random.nextInt(12); piece >= 0; piece--) {
        text.append(separators[random.nextInt(separators.length)]);
        if (random.nextBoolean()) {
          String token = tokens[random.nextInt(tokens.length)];
          expected.add(text.length() + ".." + (text.length() + token.length()));
          text.append(token);
        } else {
          text.append(nearMisses[random.nextInt(nearMisses.length)]);
        }
        text.append(separators[random.nextInt(separators.length)]);
      }
      String t = text.toString();
      assertThat(SecretLiteral.scan(t, 0, t.length())).as(t)
          .extracting(found -> found.start() + ".." + found.end()).containsExactlyElementsOf(expected);
    }
  }
}
