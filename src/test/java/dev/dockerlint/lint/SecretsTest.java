package dev.dockerlint.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.source.SourceRange;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Masking is the linter's: rules mark secrets, the linter masks every finding's text and says which
 * source ranges outputs must mask. Stand-in rules here; the real secret rules are tested end to end
 * in {@code cli.SecretMaskingTest}.
 */
class SecretsTest {
  /** Marks every word after {@code SECRET=} as a secret, as secret-in-env marks values. */
  static final class MarksSecrets implements Rule {
    static final RuleInfo INFO = RuleInfo.of("marks-secrets", Severity.ERROR, "Marks SECRET= values");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      String text = file.source().text();
      for (int at = text.indexOf("SECRET="); at >= 0; at = text.indexOf("SECRET=", at + 1)) {
        int start = at + "SECRET=".length();
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        context.redact(file.source().range(start, end));
      }
    }

    @Override
    public boolean findsSecrets() {
      return true;
    }
  }

  /** Quotes each instruction's whole text in its message, as many rules quote an argument. */
  static final class QuotesEverything implements Rule {
    static final RuleInfo INFO = RuleInfo.of("quotes-everything", Severity.INFO, "Quotes every instruction");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      for (Instruction instruction : file.instructions()) {
        context.report(instruction, "Saw '" + file.source().slice(instruction.range()) + "'");
      }
    }
  }

  private static Linter.Result lint(String text, LintSettings settings) {
    return new Linter(List.of(new MarksSecrets(), new QuotesEverything()), settings)
        .check(DockerfileParser.parse("Dockerfile", text), null);
  }

  private static Linter.Result lint(String text) {
    return lint(text, LintSettings.DEFAULTS);
  }

  private static List<String> messages(Linter.Result result) {
    List<String> messages = new ArrayList<>();
    for (Finding finding : result.findings()) {
      messages.add(finding.message());
    }
    return messages;
  }

  @Test
  void aLongValueIsMaskedInEveryMessageWhereverItIsQuoted() {
    Linter.Result result = lint("FROM alpine\nENV SECRET=hunter2hunter2\nRUN mysql -phunter2hunter2\n"
        + "WORKDIR /HUNTER2HUNTER2\n");
    assertThat(messages(result)).containsExactly("Saw 'FROM alpine'", "Saw 'ENV SECRET=hun****'",
        "Saw 'RUN mysql -phun****'", "Saw 'WORKDIR /HUN****'");
  }

  @Test
  void aLongValueIsMaskedInTheSourceWhereverItOccurs() {
    String text = "FROM alpine\nENV SECRET=hunter2hunter2\nRUN mysql -phunter2hunter2\n";
    Linter.Result result = lint(text);
    Dockerfile file = DockerfileParser.parse("Dockerfile", text);
    assertThat(file.source().masked(result.redactions()).text())
        .isEqualTo("FROM alpine\nENV SECRET=hun***********\nRUN mysql -phun***********\n");
  }

  @Test
  void aShortValueIsMaskedAtItsOwnInstructionOnly() {
    Linter.Result result = lint("FROM alpine\nENV SECRET=root ROOTLESS=1\nUSER root\n");
    assertThat(messages(result)).containsExactly("Saw 'FROM alpine'", "Saw 'ENV SECRET=r**** ROOTLESS=1'",
        "Saw 'USER root'");
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM alpine\nENV SECRET=root ROOTLESS=1\nUSER root\n");
    assertThat(file.source().masked(result.redactions()).line(3)).isEqualTo("USER root");
    assertThat(file.source().masked(result.redactions()).line(2)).isEqualTo("ENV SECRET=r*** ROOTLESS=1");
  }

  @Test
  void secretsAreMaskedWhenTheRuleThatFindsThemIsOff() {
    LintSettings off = new LintSettings(Set.of("marks-secrets"), Set.of(), Map.of(), List.of());
    Linter.Result result = lint("FROM alpine\nENV SECRET=hunter2hunter2\n", off);
    assertThat(messages(result)).containsExactly("Saw 'FROM alpine'", "Saw 'ENV SECRET=hun****'");
    assertThat(result.redactions()).isNotEmpty();
  }

  @Test
  void secretsAreMaskedWhenTheirFindingsAreSuppressed() {
    Linter.Result result = lint("FROM alpine\n# dockerlint ignore=marks-secrets\nENV SECRET=hunter2hunter2\n");
    assertThat(messages(result)).contains("Saw 'ENV SECRET=hun****'");
  }

  /** A rule that finds secrets failing means some may go unmasked: said even when the rule is off. */
  @Test
  void aFailingRuleThatFindsSecretsIsReportedWhenOff() {
    Rule failing = new Rule() {
      @Override
      public RuleInfo info() {
        return RuleInfo.of("finds-secrets", Severity.ERROR, "Fails").offByDefault();
      }

      @Override
      public void check(Dockerfile file, RuleContext context) {
        throw new IllegalStateException("bug");
      }

      @Override
      public boolean findsSecrets() {
        return true;
      }
    };
    List<Finding> findings = new Linter(List.of(failing), LintSettings.DEFAULTS)
        .lint(DockerfileParser.parse("Dockerfile", "FROM alpine\n"));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(Linter.INTERNAL_ERROR);
      assertThat(f.message()).contains("'finds-secrets' failed (IllegalStateException)");
    });
  }

  @Test
  void aRuleThatDoesNotFindSecretsIsNotRunWhenOff() {
    LintSettings off = new LintSettings(Set.of("quotes-everything"), Set.of(), Map.of(), List.of());
    assertThat(lint("FROM alpine\nENV SECRET=x\n", off).findings()).isEmpty();
  }

  @Test
  void overlappingAndAdjacentValuesAreMaskedWhole() {
    Secrets secrets = secretsOf("FROM alpine\nENV SECRET=abcdefgh12 SECRET=gh12345678\n");
    assertThat(secrets.mask("x abcdefgh12345678 y")).isEqualTo("x abcd**** y");
    assertThat(secrets.mask("gh12345678abcdefgh12")).isEqualTo("gh12****");
  }

  @Test
  void eachLineOfAValueOverSeveralLinesIsMaskedToo() {
    String text = "FROM alpine\nENV SECRET=a \\\n  SECRET=b\n";
    Dockerfile file = DockerfileParser.parse("Dockerfile", text);
    Secrets secrets = Secrets.of(file.source(), List.of(SourceRange.of(2, 12, 3, 11)), List.of(
        "-----BEGIN KEY-----\nMIIEowIBAAKCAQEAx3n8Qm2\nZq9Xw4Vr7Tb2Ny6Ju1\n-----END KEY-----"),
        List.of(SourceRange.of(2, 1, 3, 11)));
    assertThat(secrets.mask("line Zq9Xw4Vr7Tb2Ny6Ju1 quoted")).isEqualTo("line Zq9X**** quoted");
    assertThat(secrets.mask("begins MIIEowIBAAKCAQEAx3n8Qm2")).isEqualTo("begins MIIE****");
  }

  @Test
  void manyShortValuesOfOneInstructionAreMaskedAsFewAre() {
    // more values than a scope checks one by one: they are looked up as a set, with the same result
    StringBuilder line = new StringBuilder("ENV");
    List<SourceRange> tokens = new java.util.ArrayList<>();
    List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String value = "p@" + i;
      line.append(" S").append(i).append('=');
      tokens.add(SourceRange.of(2, line.length() + 1, 2, line.length() + 1 + value.length()));
      line.append(value);
      values.add(value);
    }
    List<SourceRange> scopes = java.util.Collections.nCopies(20, SourceRange.of(2, 1, 2, line.length() + 1));
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM alpine\n" + line + "\n");
    Secrets many = Secrets.of(file.source(), tokens, values, scopes);
    Secrets one = Secrets.of(file.source(), tokens.subList(7, 8), values.subList(7, 8), scopes.subList(7, 8));
    SourceRange onTheEnv = SourceRange.of(2, 1, 2, 4);
    assertThat(many.mask("set p@7 and p@19, not p@70 or xp@7", onTheEnv))
        .isEqualTo("set **** and p****, not p@70 or xp@7");
    assertThat(one.mask("set p@7 and p@19", onTheEnv)).isEqualTo("set **** and p@19");
    assertThat(many.mask("set p@7", SourceRange.of(1, 1, 1, 5))).as("not on the ENV").isEqualTo("set p@7");
    assertThat(file.source().masked(many.ranges()).line(2)).doesNotContain("p@1").doesNotContain("p@7");
  }

  @Test
  void textWithoutSecretsIsReturnedAsIs() {
    Secrets secrets = secretsOf("FROM alpine\nENV SECRET=hunter2hunter2\n");
    String clean = "nothing to hide here";
    assertThat(secrets.mask(clean)).isSameAs(clean);
    assertThat(Secrets.NONE.mask("hunter2hunter2")).isEqualTo("hunter2hunter2");
    assertThat(Secrets.NONE.ranges()).isEmpty();
  }

  @Test
  void theMaskedFormKeepsAQuarterAtMostFourCharacters() {
    assertThat(Secrets.masked("pypi-AgEIcHlwaS5vcmc")).isEqualTo("pypi****");
    assertThat(Secrets.masked("hunter2")).isEqualTo("h****");
    assertThat(Secrets.masked("abc")).isEqualTo("****");
  }

  /**
   * Every text a finding carries goes through {@link Secrets#mask(Finding)}. A new component (a
   * fix with replacement text) fails this test until it is masked there and listed here.
   */
  @Test
  void everyTextOfAFindingIsMasked() {
    List<String> components = new ArrayList<>();
    for (RecordComponent component : Finding.class.getRecordComponents()) {
      components.add(component.getName() + ":" + component.getType().getSimpleName());
    }
    assertThat(components).as("mask each new text in Secrets.mask(Finding), then list it here")
        .containsExactly("file:String", "rule:String", "severity:Severity", "message:String", "range:SourceRange",
            "aliases:List", "fix:Fix");
    Secrets secrets = secretsOf("FROM alpine\nENV SECRET=hunter2hunter2\n");
    Finding finding = new Finding("Dockerfile", "r", Severity.INFO, "quotes hunter2hunter2", SourceRange.of(1, 1, 1, 5),
        List.of());
    assertThat(secrets.mask(finding).message()).isEqualTo("quotes hun****");
    Finding clean = new Finding("Dockerfile", "r", Severity.INFO, "nothing", SourceRange.of(1, 1, 1, 5), List.of());
    assertThat(secrets.mask(clean)).isSameAs(clean);
  }

  /** A fix is never masked into the file: one whose text or place touches a secret is dropped. */
  @Test
  void aFixThatTouchesASecretIsDropped() {
    Secrets secrets = secretsOf("FROM alpine\nENV SECRET=hunter2hunter2\n");
    Finding quoting = new Finding("Dockerfile", "r", Severity.INFO, "m", SourceRange.of(2, 1, 2, 4), List.of(),
        Fix.safe("Quote it", Edit.replace(SourceRange.of(2, 5, 2, 26), "SECRET=\"hunter2hunter2\"")));
    assertThat(secrets.mask(quoting).fix()).isNull();
    Finding titled = new Finding("Dockerfile", "r", Severity.INFO, "m", SourceRange.of(1, 1, 1, 5), List.of(),
        Fix.safe("Remove hunter2hunter2", Edit.insert(new dev.dockerlint.source.Position(1, 1), "# x\n")));
    assertThat(secrets.mask(titled).fix()).isNull();
    Finding over = new Finding("Dockerfile", "r", Severity.INFO, "m", SourceRange.of(2, 1, 2, 4), List.of(),
        Fix.safe("Lower-case", Edit.replace(SourceRange.of(2, 12, 2, 15), "")));
    assertThat(secrets.mask(over).fix()).isNull();
    Finding elsewhere = new Finding("Dockerfile", "r", Severity.INFO, "m", SourceRange.of(1, 1, 1, 5), List.of(),
        Fix.safe("Upper-case", Edit.replace(SourceRange.of(1, 1, 1, 5), "FROM")));
    assertThat(secrets.mask(elsewhere)).isSameAs(elsewhere);
  }

  @Test
  void aHugeFileWithManyOccurrencesStaysLinear() {
    StringBuilder text = new StringBuilder("FROM alpine\nENV SECRET=aaaaaaaa\nRUN echo");
    for (int i = 0; i < 200_000; i++) {
      text.append(" aaaaaaaaaaaa");
    }
    text.append('\n');
    long start = System.nanoTime();
    Secrets secrets = secretsOf(text.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    // the token, then one merged range per run of overlapping occurrences
    assertThat(secrets.ranges()).hasSize(1 + 1 + 200_000);
    assertThat(millis).as("ms to find the occurrences").isLessThan(5_000);
  }

  private static Secrets secretsOf(String text) {
    return lint(text).secrets();
  }
}
