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
        "FROM alpine:3.20\nENV STRIPE_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc\n",
        // heredoc assignments that are not secrets: placeholders, variables, defaults, paths, other keys
        "FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\n"
            + "db_password = ${DB_PASSWORD}\n"
            + "admin_password = $ADMIN_PASSWORD\n"
            + "password = changeme\n"
            + "password: <your-password>\n"
            + "api_token = ********\n"
            + "secret_key = xxxxxxxx\n"
            + "token = {{ .Values.token }}\n"
            + "password = %(DB_PASSWORD)s\n"
            + "password_file = /run/secrets/db_password\n"
            + "token_url = https://auth.example.com/token\n"
            + "password_min_length = 12\n"
            + "password_required = true\n"
            + "secret = /run/secrets/app\n"
            + "password =\n"
            + "password: see the operations wiki\n"
            + "auth = kerberos\n"
            + "username = hunter2\n"
            + "# password = hunter2 is the old one\n"
            + "EOF\n",
        "FROM alpine:3.20\nCOPY <<EOF /app/settings.json\n{\"password\": null, \"token\": \"\", \"secret\": \"example-secret\"}\nEOF\n",
        // code reads its secrets: only quoted literals count there
        "FROM python:3.12-slim\nCOPY <<EOF /app/settings.py\nDB_PASSWORD = os.environ[\"DB_PASSWORD\"]\nAPI_TOKEN = get_token()\nSECRET = hunter2value\nEOF\n",
        "FROM python:3.12-slim\nRUN python3 <<EOF\npassword = hunter2value\nEOF\n",
        // shell scripts that read secrets from a secret mount or the environment
        "FROM alpine:3.20\nRUN --mount=type=secret,id=db <<EOF\nexport DB_PASSWORD=$(cat /run/secrets/db)\nTOKEN=\"$CI_TOKEN\" make\nEOF\n",
        // not a heredoc: RUN text is scanned for known formats only
        "FROM alpine:3.20\nRUN echo 'admin_password = hunter2' > /etc/app.conf\n");
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
        // a password, token or secret given a literal value in a heredoc body
        "FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\n[admin]\nadmin_password = [|hunter2|]\nEOF\n",
        "FROM alpine:3.20\nCOPY <<EOF /etc/app.yaml\ndb:\n  password: [|s3cr3t-Pa55|]\n  api-token: '[|tok_9f8e7d6c5b|]'\nEOF\n",
        "FROM alpine:3.20\nCOPY <<EOF /app/config.json\n{\n  \"clientSecret\": \"[|c1i3nt-s3cr3t-v4lu3|]\",\n  \"port\": 8080\n}\nEOF\n",
        "FROM alpine:3.20\nCOPY <<EOF /app/.env\nSECRET_KEY_BASE=[|9a8b7c6d5e4f3a2b1c|] # rails\nEOF\n",
        "FROM alpine:3.20\nADD <<EOF /opt/app/application.properties\nspring.datasource.password=[|Tr0ub4dor&3|]\nEOF\n",
        "FROM alpine:3.20\nCOPY <<EOF /etc/app.xml\n<config><user>app</user></config>\n  <password>[|hunter22|]</password>\nEOF\n",
        "FROM alpine:3.20\nCOPY <<EOF /root/.docker/config.json\n{\"auths\": {\"registry.example.com\": {\n  \"auth\": \"[|dXNlcjpodW50ZXIyMjI=|]\"}}}\nEOF\n",
        "FROM python:3.12-slim\nCOPY <<EOF /app/settings.py\nSECRET_KEY = \"[|django-insecure-8f7a6s5d|]\"\nEOF\n",
        "FROM python:3.12-slim\nRUN python3 <<EOF\nPASSWORD = '[|hunter2value|]'\nEOF\n",
        // RUN heredocs: data written to a file, and scripts
        "FROM alpine:3.20\nRUN cat <<EOF > /etc/app.conf\nadmin_password = [|hunter2|]\nEOF\n",
        "FROM alpine:3.20\nRUN <<EOF\nexport DB_PASSWORD=[|hunter2|]\nDEPLOY_TOKEN=[|d3pl0y-t0k3n|] ./deploy.sh\nEOF\n",
        "FROM alpine:3.20\nRUN <<-EOF\n\tGITHUB_TOKEN=\"[|t0k3n-n0t-a-f0rmat|]\"\n\tEOF\n",
        "FROM alpine:3.20\nONBUILD COPY <<EOF /etc/app.conf\npassword = [|hunter2|]\nEOF\n",
        // a known format is reported once, by its format
        "FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\ngithub_token = [|" + GHP + "|]\nEOF\n",
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
  void assignmentMessageNamesTheKeyAndMasksTheValue() {
    var findings = tester.check("FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\nadmin_password = [|hunter2-secret|]\nEOF\n");
    assertThat(findings.get(0).message())
        .isEqualTo("'admin_password' is set to the literal value 'hun****' in a heredoc written in the Dockerfile; "
            + "revoke it and pass credentials at build time with RUN --mount=type=secret instead")
        .doesNotContain("hunter2");
  }

  @Test
  // a hang guard against superlinear blow-ups on huge input; speed itself is measured in bench/
  @Timeout(60)
  void scanIsLinearOnHostileInput() {
    String hostile = "AKIA".repeat(200_000) + "ghp_".repeat(200_000) + "-----BEGIN ".repeat(100_000);
    assertThat(dev.dockerlint.lint.Credentials.scan(hostile, 0, hostile.length())).isEmpty();
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
      assertThat(dev.dockerlint.lint.Credentials.scan(t, 0, t.length())).as(t)
          .extracting(found -> found.start() + ".." + found.end()).containsExactlyElementsOf(expected);
    }
  }
}
