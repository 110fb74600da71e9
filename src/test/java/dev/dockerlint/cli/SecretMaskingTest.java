package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Rule;
import dev.dockerlint.report.Reporters;
import dev.dockerlint.rules.BuiltinRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No output format ever contains a detected secret value, in messages or in source excerpts. */
class SecretMaskingTest {
  static final List<String> SECRETS = List.of(
      "ghp_Zq8XwV3rT6yU1oP4sD7fG0hJ2kL5mN9bC3xQ",
      "hUnt3r2-Qw9Zk7Xp4Lm8",
      "sk_test_Rb7Yv2Nq9Wx4Kc6Jt1Hs8Mf",
      "AKIAQ7RT2XW9ZK4MN8PB",
      "glpat-Xy7Rk2Wq9Zt4Lm8Nb3Vc");

  static final String DOCKERFILE = "FROM alpine:3.20\n"
      + "ENV GITHUB_TOKEN=" + SECRETS.get(0) + " \\\n"
      + "    DB_PASSWORD=\"" + SECRETS.get(1) + "\"\n"
      + "ARG STRIPE_SECRET=" + SECRETS.get(2) + "\n"
      + "RUN aws configure set aws_access_key_id " + SECRETS.get(3) + " && \\\n"
      + "    git clone https://oauth2:" + SECRETS.get(4) + "@gitlab.example.com/x.git\n"
      + "USER 1\nHEALTHCHECK NONE\n";

  /** Credentials in the formats secret-literal knows, each written once or more below. */
  static final String GH_IN_FROM = "ghp_4MQPHCmQrKkUneeuuZMYg4dByh54f5xAALmF";
  static final String GH_IN_WORKDIR = "ghp_mR6umNaE6QN8cb8hj3bLzDZ4g9fzBPJMUHBD";
  static final String GH_IN_EXPOSE = "ghp_g8BEEQyj52nRKBMww65gCmHh746hpQRnWXxk";
  static final String GH_IN_COPY = "ghp_sTsSCRJg3jdUvvyJeYx7EXmQpBV9rnYduQDn";
  static final String GH_IN_NPM = "ghp_zRg3Hke7TK49FR6pEK5qEbqKVAeULPV2qDTQ";
  static final String AWS_STAGE = "AKIAQ7RT2XW9ZK4MN8PC";
  static final String GITLAB_ADD = "glpat-4D6NAVjuRpEcfLvUmQkn";
  static final String STRIPE_CURL = "sk_live_GNTBE6NQ2zNf7HkeHsBRwLNT";
  static final String SLACK_LABEL = "xoxb-mR6CMREuMw-upTQtWUCzMzL";
  static final String GOOGLE_ONBUILD = "AIzav7xwwAEQRJYqfzpY3gFhYLR9R7XeDjcM3EV";
  static final String GH_IN_MAINTAINER = "ghp_w4WWB9NmcLdBNj9KNPp63jn5qSedGyhk3BXZ";
  static final String GH_IN_COMMENT = "ghp_NZjzjbXruwRjgVKBv8KjxkaRNfj2rWWeyQEN";
  static final String GH_IN_HEREDOC = "ghp_RuYHR4yanQFP8UufqvhXFLXKBAFhe2XZpZFm";
  /** Values secret-in-env finds by their variable's name; the password is used again in a RUN. */
  static final String DB_PASSWORD = "Tr0ub4dor-And-3";
  static final String NPM_TOKEN = "npm-Xq7Rk2Wq9Zt4Lm8Nb3Vc";
  static final String KEY_LINE_1 = "MIIEowIBAAKCAQEAx3n8Qm2Vt7Lk9Pz4Rw1Ys6Hd0Ju5Fb8Gc3Ne7Ka2Mo";
  static final String KEY_LINE_2 = "Zq9Xw4Vr7Tb2Ny6Ju1Ki5Lo8Pm3Qa0Sd4Fg7Hj2Kl6Zx9Cv3Bn8Mq1Wr5Et";

  static final List<String> EVERYWHERE = List.of(GH_IN_FROM, GH_IN_WORKDIR, GH_IN_EXPOSE, GH_IN_COPY, GH_IN_NPM,
      AWS_STAGE, GITLAB_ADD, STRIPE_CURL, SLACK_LABEL, GOOGLE_ONBUILD, GH_IN_MAINTAINER, GH_IN_COMMENT, GH_IN_HEREDOC,
      DB_PASSWORD, NPM_TOKEN, KEY_LINE_1, KEY_LINE_2);

  /** Secrets in FROM, WORKDIR, EXPOSE, COPY --from, RUN, ADD, LABEL, ONBUILD, MAINTAINER, heredocs and comments. */
  static final String FULL_OF_SECRETS = "# syntax=docker/dockerfile:1\n"
      + "# the old token was " + GH_IN_COMMENT + "\n"
      + "ARG NPM_TOKEN=" + NPM_TOKEN + "\n"
      + "FROM registry.example.com/" + GH_IN_FROM + "/img:1.0 AS " + AWS_STAGE + "\n"
      + "MAINTAINER " + GH_IN_MAINTAINER + "\n"
      + "WORKDIR " + GH_IN_WORKDIR + "/app\n"
      + "EXPOSE " + GH_IN_EXPOSE + "\n"
      + "COPY --from=" + GH_IN_COPY + " /a /b\n"
      + "RUN npm install https://" + GH_IN_NPM + "@github.com/o/p\n"
      + "ENV DB_PASSWORD=" + DB_PASSWORD + " ROOT_PASSWORD=root\n"
      + "RUN mysql -u app -p" + DB_PASSWORD + " -h db < /init.sql\n"
      + "ADD https://oauth2:" + GITLAB_ADD + "@gitlab.example.com/x.tar.gz /x\n"
      + "RUN curl -H 'Authorization: Bearer " + STRIPE_CURL + "' https://example.com/i.sh | sh\n"
      + "LABEL token=" + SLACK_LABEL + "\n"
      + "ONBUILD RUN echo " + GOOGLE_ONBUILD + " > /k\n"
      + "RUN <<EOF\n"
      + "echo " + GH_IN_HEREDOC + " > /t\n"
      + "cat > /key <<'KEY'\n"
      + "-----BEGIN RSA PRIVATE KEY-----\n"
      + KEY_LINE_1 + "\n"
      + KEY_LINE_2 + "\n"
      + "-----END RSA PRIVATE KEY-----\n"
      + "KEY\n"
      + "EOF\n"
      + "USER root\n";

  @TempDir Path dir;

  static List<String> formats() {
    return Reporters.FORMATS;
  }

  @ParameterizedTest
  @MethodSource("formats")
  void noFormatPrintsASecret(String format) throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
    Run run = run(format, "Dockerfile");
    assertThat(run.code).isEqualTo(failing(format));
    assertReported(run.printed, format, "secret-in-env", "secret-literal");
    for (String secret : SECRETS) {
      String middle = secret.substring(6, 13);
      assertThat(run.printed).as("stdout of %s", format).doesNotContain(middle);
      assertThat(run.written).as("file of %s", format).doesNotContain(middle);
      assertThat(run.err).doesNotContain(middle);
    }
  }

  /**
   * The issue's reproduction: rules other than the secret rules quote the text a secret is in
   * (package-unpinned, image-digest, workdir-relative, expose-invalid, copy-from-unknown-stage,
   * stage-name-casing in lower case, maintainer-deprecated...); every rule is on.
   */
  @ParameterizedTest
  @MethodSource("formats")
  void noFormatPrintsASecretThatAnyRuleQuotes(String format) throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), FULL_OF_SECRETS);
    Run run = run(format, "--enable", allRuleIds(), "Dockerfile");
    assertThat(run.code).isEqualTo(failing(format));
    assertReported(run.printed, format, "package-unpinned", "image-digest", "workdir-relative", "expose-invalid",
        "copy-from-unknown-stage");
    assertNoSecret(run, format);
  }

  /** Masking does not depend on the secret rules being on: a PR's config cannot unmask. */
  @ParameterizedTest
  @MethodSource("formats")
  void secretsStayMaskedWithTheSecretRulesOff(String format) throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), FULL_OF_SECRETS);
    Files.writeString(dir.resolve(".dockerlint.yaml"), "ignore: [secret-literal, secret-in-env]\n");
    Files.createDirectory(dir.resolve(".git"));
    Run run = run(format, "--enable", allRuleIds(), "Dockerfile");
    // SARIF lists every rule of the catalog, with its aliases; its results name the rules reported
    String results = format.equals("sarif") ? run.printed.substring(run.printed.indexOf("\"results\"")) : run.printed;
    assertThat(results).as("stdout of %s", format).doesNotContain("secret-");
    for (String id : List.of("secret-literal", "secret-in-env")) {
      for (String code : hadolintCodes(id)) {
        assertThat(results).as("stdout of %s", format).doesNotContain("\"" + code + "\"", " " + code + " ");
      }
    }
    assertReported(run.printed, format, "workdir-relative");
    assertNoSecret(run, format);
  }

  @Test
  void ignorePragmasHideTheFindingButNotTheMask() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "# dockerlint global ignore=secret-literal,secret-in-env\n"
        + FULL_OF_SECRETS);
    Run run = run("text", "--enable", allRuleIds(), "Dockerfile");
    assertThat(run.printed).doesNotContain("secret-literal").contains("expose-invalid");
    assertNoSecret(run, "text");
  }

  /**
   * A short value (a default password such as {@code root}) is masked at its own instruction only:
   * the ENV line's frame hides it, while {@code USER root} and its message stay readable.
   */
  @Test
  void aShortSecretIsMaskedAtItsOwnInstructionOnly() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nENV ROOT_PASSWORD=root\nUSER root\n");
    Run run = run("text", "Dockerfile");
    assertThat(run.printed).contains("ENV ROOT_PASSWORD=r***").doesNotContain("ROOT_PASSWORD=root")
        .contains(" 3 | USER root").contains("(USER root)");
  }

  /** The masked form keeps the style of the secret rules' messages: a short prefix, then four stars. */
  @Test
  void masksKeepThePrefixStyle() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nWORKDIR " + GH_IN_WORKDIR + "/app\n");
    Run run = run("text", "Dockerfile");
    assertThat(run.printed).contains("WORKDIR 'ghp_****/app' is relative");
  }

  /** The literals above are in formats secret-literal knows: each is reported on its own. */
  @Test
  void theLiteralsAreWhatSecretLiteralFinds() throws IOException {
    List<String> literals = List.of(GH_IN_FROM, GH_IN_WORKDIR, GH_IN_EXPOSE, GH_IN_COPY, GH_IN_NPM, AWS_STAGE,
        GITLAB_ADD, STRIPE_CURL, SLACK_LABEL, GOOGLE_ONBUILD, GH_IN_MAINTAINER, GH_IN_COMMENT, GH_IN_HEREDOC);
    for (String literal : literals) {
      Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN echo " + literal + "\n");
      assertThat(run("gnu", "Dockerfile").printed).as(literal).contains("Dockerfile:2:10: error: ")
          .contains("[secret-literal]");
    }
  }

  /**
   * Fingerprints hash the source lines as masked at each secret's own token, as before; masking
   * messages and the secrets' other occurrences leaves the fingerprints of these findings as they were.
   */
  @Test
  void fingerprintsOfFindingsOnSecretLinesDoNotChange() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), FULL_OF_SECRETS);
    String sarif = run("sarif", "Dockerfile").printed;
    List<String> actual = new ArrayList<>();
    java.util.regex.Matcher result = java.util.regex.Pattern
        .compile("\"ruleId\": \"([^\"]+)\"[\\s\\S]*?\"dockerlint/v1\": \"([0-9a-f]+)\"").matcher(sarif);
    while (result.find()) {
      actual.add(result.group(1) + " " + result.group(2));
    }
    List<String> expected = new ArrayList<>();
    try (var in = SecretMaskingTest.class.getResourceAsStream("full-of-secrets.fingerprints")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          expected.add(line);
        }
      }
    }
    assertThat(actual).isNotEmpty().containsExactlyElementsOf(expected);
  }

  /** The debugging dump shows the file as the reports do: secrets masked, ranges unchanged. */
  @Test
  void theAstDumpMasksSecrets() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), FULL_OF_SECRETS + "LABEL note=\"a\u0085b\"\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"ast", "Dockerfile"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
        dir, false);
    String dump = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(dump).contains("\"instructions\"").contains("****").contains("a\\u0085b").doesNotContain("\u0085");
    assertNoSecret(new Run(code, dump, "", err.toString(StandardCharsets.UTF_8)), "ast");
  }

  /** The exit code of a run with findings: codeclimate and codacy reports never fail a run. */
  private static int failing(String format) {
    return Reporters.neverFails(format) ? 0 : 1;
  }

  /** hadolint's formats name a finding by its hadolint code when it has one, the others by rule id. */
  private static final List<String> HADOLINT_SHAPED = List.of("tty", "hadolint-json", "codeclimate", "codacy", "sonarqube");

  private static void assertReported(String printed, String format, String... ids) {
    for (String id : ids) {
      List<String> names = new ArrayList<>(List.of(id));
      if (HADOLINT_SHAPED.contains(format)) {
        names.addAll(hadolintCodes(id));
      }
      assertThat(names).as("%s reported in %s:%n%s", id, format, printed).anyMatch(printed::contains);
    }
  }

  private static List<String> hadolintCodes(String id) {
    List<String> codes = new ArrayList<>();
    for (Rule rule : BuiltinRules.all()) {
      if (rule.info().id().equals(id)) {
        for (String alias : rule.info().aliases()) {
          if (dev.dockerlint.lint.HadolintCodes.isHadolintCode(alias)) {
            codes.add(alias);
          }
        }
      }
    }
    return codes;
  }

  private static void assertNoSecret(Run run, String format) {
    for (String secret : EVERYWHERE) {
      // every 6-character piece of the secret past the 4 characters a mask may keep, in any case:
      // stage-name-casing quotes names in lower case
      for (int i = 4; i + 6 <= secret.length(); i++) {
        String piece = secret.substring(i, i + 6).toLowerCase(Locale.ROOT);
        assertThat(run.printed.toLowerCase(Locale.ROOT)).as("stdout of %s: %s", format, run.printed).doesNotContain(piece);
        assertThat(run.written.toLowerCase(Locale.ROOT)).as("report file of %s", format).doesNotContain(piece);
        assertThat(run.err.toLowerCase(Locale.ROOT)).as("stderr of %s", format).doesNotContain(piece);
      }
    }
  }

  private static String allRuleIds() {
    List<String> ids = new ArrayList<>();
    for (Rule rule : BuiltinRules.all()) {
      ids.add(rule.info().id());
    }
    return String.join(",", ids);
  }

  private record Run(int code, String printed, String written, String err) {}

  /** Runs with the format on stdout and, a second time in the same run, into a report file. */
  private Run run(String format, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--format", format, "--output", "report.out", "--format", format));
    all.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(all.toArray(new String[0]), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
        dir, false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), Files.readString(dir.resolve("report.out")),
        err.toString(StandardCharsets.UTF_8));
  }
}
