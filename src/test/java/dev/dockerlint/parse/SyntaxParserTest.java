package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.ast.Token;
import dev.dockerlint.ast.Unknown;
import dev.dockerlint.ast.User;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxParserTest {
  private SourceText source;

  private ParsedSyntax parse(String text) {
    source = new SourceText(text);
    return SyntaxParser.parse(source);
  }

  private <T extends Instruction> T only(ParsedSyntax parsed, Class<T> type, int index) {
    return type.cast(parsed.instructions().get(index));
  }

  /** The source text a token covers, which must equal what the test expects the user wrote. */
  private String src(Token token) {
    return source.slice(token.range());
  }

  private String src(SourceRange range) {
    return source.slice(range);
  }

  @Test
  void fromTokensHaveExactRanges() {
    ParsedSyntax p = parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n");
    From from = only(p, From.class, 0);
    assertThat(from.keyword().range()).isEqualTo(SourceRange.of(1, 1, 1, 5));
    assertThat(from.image().text()).isEqualTo("golang:1.22");
    assertThat(from.image().range()).isEqualTo(SourceRange.of(1, 32, 1, 43));
    assertThat(from.asKeyword().range()).isEqualTo(SourceRange.of(1, 44, 1, 46));
    assertThat(from.stageName().range()).isEqualTo(SourceRange.of(1, 47, 1, 52));
    Flag platform = from.platform().orElseThrow();
    assertThat(platform.value()).isEqualTo("$BUILDPLATFORM");
    assertThat(platform.range()).isEqualTo(SourceRange.of(1, 6, 1, 31));
    assertThat(from.range()).isEqualTo(SourceRange.of(1, 1, 1, 52));
    assertThat(p.errors()).isEmpty();
  }

  @Test
  void fromWithoutStageNameAndWithWrongArgumentCount() {
    ParsedSyntax p = parse("FROM alpine\nFROM a b\nFROM\n");
    assertThat(only(p, From.class, 0).stageName()).isNull();
    assertThat(only(p, From.class, 0).asKeyword()).isNull();
    assertThat(only(p, From.class, 1).image().text()).isEqualTo("a");
    // a missing image is an empty token right after the keyword, so rules never meet null
    assertThat(only(p, From.class, 2).image().text()).isEmpty();
    assertThat(only(p, From.class, 2).image().range()).isEqualTo(SourceRange.of(3, 5, 3, 5));
    // argument counts are the instructions layer's (InstructionChecks), not the parser's
    assertThat(p.errors()).isEmpty();
    assertThat(DockerfileParser.parse("Dockerfile", "FROM alpine\nFROM a b\nFROM\n").syntaxErrors())
        .extracting(SyntaxError::message, SyntaxError::range)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FROM requires either one or three arguments", SourceRange.of(2, 8, 2, 9)),
            org.assertj.core.groups.Tuple.tuple("FROM requires either one or three arguments", SourceRange.of(3, 1, 3, 5)));
  }

  @Test
  void envPairsKeepQuotesAndRanges() {
    ParsedSyntax p = parse("FROM a\nENV A=1 B=\"two words\"\nENV OLD  some value\n");
    List<KeyValue> pairs = only(p, Env.class, 1).pairs();
    assertThat(pairs).hasSize(2);
    assertThat(pairs.get(1).key().text()).isEqualTo("B");
    assertThat(pairs.get(1).value().text()).isEqualTo("\"two words\"");
    assertThat(src(pairs.get(1).value())).isEqualTo("\"two words\"");
    assertThat(pairs.get(1).value().range()).isEqualTo(SourceRange.of(2, 11, 2, 22));
    assertThat(src(pairs.get(1).range())).isEqualTo("B=\"two words\"");
    KeyValue legacy = only(p, Env.class, 2).pairs().get(0);
    assertThat(legacy.legacy()).isTrue();
    assertThat(legacy.key().text()).isEqualTo("OLD");
    assertThat(legacy.value().text()).isEqualTo("some value");
    assertThat(legacy.value().range()).isEqualTo(SourceRange.of(3, 10, 3, 20));
  }

  @Test
  void envErrorsAreFatalAndParsingGoesOn() {
    ParsedSyntax p = parse("FROM a\nENV PATH\nENV a=b c\nRUN ok\n");
    assertThat(p.errors()).extracting(SyntaxError::message).containsExactly(
        "ENV must have two arguments",
        "Syntax error - can't find = in \"c\". Must be of the form: name=value");
    assertThat(p.errors()).allMatch(SyntaxError::fatal);
    assertThat(p.errors().get(1).range()).isEqualTo(SourceRange.of(3, 9, 3, 10));
    assertThat(p.instructions()).hasSize(4);
    assertThat(only(p, Run.class, 3).command()).isInstanceOf(ShellForm.class);
  }

  @Test
  void argDeclarations() {
    ParsedSyntax p = parse("ARG A B=2 C=\nFROM a\n");
    Arg arg = only(p, Arg.class, 0);
    assertThat(arg.declarations()).hasSize(3);
    assertThat(arg.declarations().get(0).defaultValue()).isNull();
    assertThat(arg.declarations().get(1).name().range()).isEqualTo(SourceRange.of(1, 7, 1, 8));
    assertThat(arg.declarations().get(1).defaultValue().range()).isEqualTo(SourceRange.of(1, 9, 1, 10));
    assertThat(arg.declarations().get(2).defaultValue().text()).isEmpty();
  }

  @Test
  void continuationJoinsLinesAndKeepsExactRanges() {
    String text = "FROM a\nRUN apt-get update \\\n    # a comment\n\n    && apt-get install -y \\\n      curl\n";
    ParsedSyntax p = parse(text);
    Run run = only(p, Run.class, 1);
    ShellForm shell = (ShellForm) run.command();
    assertThat(shell.text().text()).isEqualTo("apt-get update     && apt-get install -y       curl");
    assertThat(shell.text().range()).isEqualTo(SourceRange.of(2, 5, 6, 11));
    assertThat(run.range()).isEqualTo(SourceRange.of(2, 1, 6, 11));
    assertThat(p.comments()).extracting(c -> c.text()).containsExactly("a comment");
    assertThat(p.comments().get(0).range()).isEqualTo(SourceRange.of(3, 5, 3, 16));
    assertThat(p.emptyContinuations()).hasSize(1);
    assertThat(p.emptyContinuations().get(0).line()).isEqualTo(SourceRange.of(4, 1, 4, 1));
    assertThat(p.emptyContinuations().get(0).instruction()).isEqualTo(run.range());
  }

  @Test
  void tokensSpanningLinesMapBackToTheFile() {
    ParsedSyntax p = parse("FROM a\nCOPY --chown=app:app \\\n  src/ \\\n  /dst/\n");
    Copy copy = only(p, Copy.class, 1);
    assertThat(copy.sources()).extracting(Token::text).containsExactly("src/");
    assertThat(copy.sources().get(0).range()).isEqualTo(SourceRange.of(3, 3, 3, 7));
    assertThat(copy.destination().range()).isEqualTo(SourceRange.of(4, 3, 4, 8));
    assertThat(copy.flag("chown").orElseThrow().value()).isEqualTo("app:app");
  }

  @Test
  void trailingWhitespaceAfterEscapeStillContinues() {
    ParsedSyntax p = parse("FROM a\nRUN a \\ \t\n b\n");
    assertThat(((ShellForm) only(p, Run.class, 1).command()).text().text()).isEqualTo("a  b");
  }

  @Test
  void backtickEscapeDirective() {
    ParsedSyntax p = parse("# escape=`\nFROM a\nRUN dir c:\\ `\n  && echo hi\n");
    assertThat(p.escape()).isEqualTo('`');
    assertThat(p.directives()).singleElement().satisfies(d -> {
      assertThat(d.name()).isEqualTo("escape");
      assertThat(d.value()).isEqualTo("`");
      assertThat(d.range()).isEqualTo(SourceRange.of(1, 1, 1, 11));
    });
    assertThat(p.comments()).isEmpty();
    assertThat(((ShellForm) only(p, Run.class, 1).command()).text().text()).isEqualTo("dir c:\\   && echo hi");
  }

  @Test
  void crlfIsNotContent() {
    ParsedSyntax p = parse("FROM a\r\nRUN a \\\r\n  b\r\n");
    Run run = only(p, Run.class, 1);
    assertThat(((ShellForm) run.command()).text().text()).isEqualTo("a   b");
    assertThat(run.range()).isEqualTo(SourceRange.of(2, 1, 3, 4));
  }

  @Test
  void bomIsNotPartOfTheFirstLine() {
    ParsedSyntax p = parse("\uFEFFFROM a\n");
    From from = only(p, From.class, 0);
    assertThat(from.keyword().text()).isEqualTo("FROM");
    assertThat(from.keyword().range()).isEqualTo(SourceRange.of(1, 2, 1, 6));
  }

  @Test
  void jsonAndShellForms() {
    ParsedSyntax p = parse("FROM a\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\nCMD ['a']\nCMD [\"a\",]\n");
    ExecForm exec = (ExecForm) only(p, Cmd.class, 1).command();
    assertThat(exec.arguments()).extracting(Token::text).containsExactly("nginx", "-g", "daemon off;");
    assertThat(exec.arguments().get(1).range()).isEqualTo(SourceRange.of(2, 15, 2, 19));
    assertThat(exec.range()).isEqualTo(SourceRange.of(2, 5, 2, 35));
    assertThat(only(p, Cmd.class, 2).command()).isInstanceOf(ShellForm.class);
    assertThat(only(p, Cmd.class, 3).command()).isInstanceOf(ShellForm.class);
  }

  @Test
  void jsonEscapesAreDecoded() {
    ParsedSyntax p = parse("FROM a\nCMD [\"a\\u00e9\", \"\\t\"]\n");
    ExecForm exec = (ExecForm) only(p, Cmd.class, 1).command();
    assertThat(exec.arguments()).extracting(Token::text).containsExactly("a\u00e9", "\t");
    assertThat(src(exec.arguments().get(0))).isEqualTo("\"a\\u00e9\"");
  }

  @Test
  void jsonWithNonStringIsFatal() {
    ParsedSyntax p = parse("FROM a\nCMD [\"a\", 1]\nRUN x\n");
    assertThat(p.errors()).singleElement().satisfies(e -> {
      assertThat(e.fatal()).isTrue();
      assertThat(e.message()).contains("arrays must be comprised of strings only");
    });
    assertThat(p.instructions()).hasSize(3);
  }

  @Test
  void flagsWithQuotesEscapesAndMountKeyValues() {
    ParsedSyntax p = parse("FROM a\nRUN --mount=type=cache,target=/root/.cache --network=none pip install x\n"
        + "COPY --chown=\"a b\":c --chmod=7\\55 -- --from=x y\n");
    Run run = only(p, Run.class, 1);
    assertThat(run.flags()).extracting(Flag::name).containsExactly("mount", "network");
    assertThat(run.mounts().get(0).keyValues()).containsEntry("type", "cache").containsEntry("target", "/root/.cache");
    assertThat(run.mountsCacheOn("/root/.cache/")).isTrue();
    assertThat(run.flags().get(1).range()).isEqualTo(SourceRange.of(2, 44, 2, 58));
    assertThat(((ShellForm) run.command()).text().text()).isEqualTo("pip install x");
    Copy copy = only(p, Copy.class, 2);
    assertThat(copy.flags()).extracting(Flag::text).containsExactly("--chown=a b:c", "--chmod=755");
    assertThat(copy.sources()).extracting(Token::text).containsExactly("--from=x");
    assertThat(copy.from()).isEmpty();
    assertThat(src(copy.flags().get(0).range())).isEqualTo("--chown=\"a b\":c");
  }

  @Test
  void flagWithoutValue() {
    ParsedSyntax p = parse("FROM a\nCOPY --link a b\n");
    Flag link = only(p, Copy.class, 1).flags().get(0);
    assertThat(link.name()).isEqualTo("link");
    assertThat(link.value()).isNull();
    assertThat(link.buildkitText()).isEqualTo("--link");
  }

  @Test
  void nonAsciiFlagKeepsItsTextWhileTheDumpFollowsBuildkit() {
    ParsedSyntax p = parse("FROM a\nCOPY --chown=Jos\u00e9 a b\n");
    Flag chown = only(p, Copy.class, 1).flags().get(0);
    assertThat(chown.value()).isEqualTo("Jos\u00e9");
    assertThat(chown.buildkitText()).isEqualTo("--chown=Jos\u00c3\u00a9");
  }

  @Test
  void heredocWithExactWordAndBodyRanges() {
    ParsedSyntax p = parse("FROM a\nRUN <<EOF\necho hi\napt-get update\nEOF\nUSER app\n");
    Run run = only(p, Run.class, 1);
    ShellForm shell = (ShellForm) run.command();
    Heredoc h = shell.heredocs().get(0);
    assertThat(h.name()).isEqualTo("EOF");
    assertThat(h.fd()).isEqualTo(-1);
    assertThat(h.expand()).isTrue();
    assertThat(h.chomp()).isFalse();
    assertThat(h.body()).isEqualTo("echo hi\napt-get update\n");
    assertThat(h.word().range()).isEqualTo(SourceRange.of(2, 5, 2, 10));
    assertThat(h.bodyRange()).isEqualTo(SourceRange.of(3, 1, 5, 4));
    assertThat(run.range()).isEqualTo(SourceRange.of(2, 1, 5, 4));
    assertThat(only(p, User.class, 2).user().text()).isEqualTo("app");
  }

  @Test
  void chompedQuotedAndMultipleHeredocs() {
    ParsedSyntax p = parse("FROM a\nRUN <<-'EOF' cat 2<<X\n\t\tone $A\n\tEOF\ntwo\nX\n");
    List<Heredoc> docs = ((ShellForm) only(p, Run.class, 1).command()).heredocs();
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).chomp()).isTrue();
    assertThat(docs.get(0).expand()).isFalse();
    assertThat(docs.get(0).body()).isEqualTo("one $A\n");
    assertThat(docs.get(1).name()).isEqualTo("X");
    assertThat(docs.get(1).fd()).isEqualTo(2);
    assertThat(docs.get(1).body()).isEqualTo("two\n");
    assertThat(p.instructions()).hasSize(2);
    assertThat(p.instructions().get(1).range().endLine()).isEqualTo(6);
  }

  @Test
  void copyHeredocSources() {
    ParsedSyntax p = parse("FROM a\nCOPY <<EOF /app/config\nkey=value\nEOF\n");
    Copy copy = only(p, Copy.class, 1);
    assertThat(copy.sources()).extracting(Token::text).containsExactly("<<EOF");
    assertThat(copy.destination().text()).isEqualTo("/app/config");
    assertThat(copy.heredocs()).singleElement().satisfies(h -> assertThat(h.body()).isEqualTo("key=value\n"));
  }

  @Test
  void unterminatedHeredocIsFatal() {
    ParsedSyntax p = parse("FROM a\nRUN <<EOF\nnever ends\n");
    assertThat(p.errors()).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo("unterminated heredoc");
      assertThat(e.fatal()).isTrue();
    });
    assertThat(p.instructions()).hasSize(2);
  }

  @Test
  void heredocNotReadForOtherInstructionsOrJson() {
    ParsedSyntax p = parse("FROM a\nUSER <<EOF\nRUN [\"sh\", \"<<EOF\"]\nEOF\n");
    assertThat(p.instructions()).hasSize(4);
    assertThat(p.instructions().get(3)).isInstanceOf(Unknown.class);
  }

  @Test
  void unknownInstructionIsReportedAndParsingRecovers() {
    ParsedSyntax p = parse("FROM a\nRUNN echo hi\nXYZZY bar\nRUN echo ok\n");
    assertThat(p.errors()).isEmpty(); // BuildKit's parser takes any keyword; its instructions layer does not
    List<SyntaxError> errors = DockerfileParser.parse("Dockerfile", "FROM a\nRUNN echo hi\nXYZZY bar\nRUN echo ok\n")
        .syntaxErrors();
    assertThat(errors).extracting(SyntaxError::message)
        .containsExactly("unknown instruction: RUNN (did you mean RUN?)", "unknown instruction: XYZZY");
    assertThat(errors).noneMatch(SyntaxError::fatal);
    assertThat(errors.get(0).range()).isEqualTo(SourceRange.of(2, 1, 2, 5));
    Unknown unknown = only(p, Unknown.class, 1);
    assertThat(unknown.arguments().text()).isEqualTo("echo hi");
    assertThat(p.instructions().get(3)).isInstanceOf(Run.class);
  }

  @Test
  void instructionsWithoutArgumentsAreNonFatalErrors() {
    ParsedSyntax p = parse("FROM a\nCOPY\nUSER\nCOPY x\n");
    assertThat(p.errors()).isEmpty();
    List<SyntaxError> errors = DockerfileParser.parse("Dockerfile", "FROM a\nCOPY\nUSER\nCOPY x\n").syntaxErrors();
    assertThat(errors).extracting(SyntaxError::message).containsExactly(
        "COPY requires at least two arguments, but only one was provided. Destination could not be determined",
        "USER requires exactly one argument",
        "COPY requires at least two arguments, but only one was provided. Destination could not be determined");
    assertThat(errors).noneMatch(SyntaxError::fatal);
    assertThat(only(p, Copy.class, 3).destination()).isNull();
  }

  @Test
  void onbuildParsesItsTrigger() {
    ParsedSyntax p = parse("FROM a\nONBUILD RUN --network=none make\nONBUILD FROM b\n");
    Onbuild onbuild = only(p, Onbuild.class, 1);
    Run trigger = (Run) onbuild.trigger();
    assertThat(trigger.keyword().range()).isEqualTo(SourceRange.of(2, 9, 2, 12));
    assertThat(trigger.flags()).extracting(Flag::name).containsExactly("network");
    assertThat(((ShellForm) trigger.command()).text().text()).isEqualTo("make");
    assertThat(trigger.range()).isEqualTo(SourceRange.of(2, 9, 2, 32));
    assertThat(p.errors()).isEmpty();
    assertThat(DockerfileParser.parse("Dockerfile", "FROM a\nONBUILD RUN --network=none make\nONBUILD FROM b\n")
        .syntaxErrors()).extracting(SyntaxError::message).containsExactly("FROM isn't allowed as an ONBUILD trigger");
  }

  @Test
  void healthcheckForms() {
    ParsedSyntax p = parse("FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD curl -f http://x/\n");
    Healthcheck none = only(p, Healthcheck.class, 1);
    assertThat(none.isNone()).isTrue();
    assertThat(none.command()).isNull();
    Healthcheck cmd = only(p, Healthcheck.class, 2);
    assertThat(cmd.type().text()).isEqualTo("CMD");
    assertThat(cmd.flag("interval").orElseThrow().value()).isEqualTo("5s");
    assertThat(((ShellForm) cmd.command()).text().text()).isEqualTo("curl -f http://x/");
  }

  @Test
  void directivesCommentsAndShebang() {
    ParsedSyntax p = parse("# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended // why\n# hello\nFROM a\n");
    assertThat(p.directives()).extracting(d -> d.name() + "=" + d.value())
        .containsExactly("syntax=docker/dockerfile:1", "check=skip=JSONArgsRecommended");
    assertThat(p.comments()).extracting(c -> c.text()).containsExactly("hello");

    ParsedSyntax shebang = parse("#!/usr/bin/env docker\n# check=error=true\n# escape=`\nFROM a\n");
    assertThat(shebang.escape()).isEqualTo('\\');
    assertThat(shebang.directives()).extracting(d -> d.name()).containsExactly("check");
  }

  @Test
  void directiveErrorsAreFatal() {
    assertThat(parse("# escape=x\nFROM a\n").errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("invalid escape token 'x' does not match ` or \\"));
    assertThat(parse("# syntax=a\n# SYNTAX=b\nFROM a\n").errors()).singleElement()
        .satisfies(e -> assertThat(e.fatal()).isTrue());
  }

  @Test
  void emptyFileHasNoInstructions() {
    assertThat(parse("").errors()).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo("file with no instructions");
      assertThat(e.fatal()).isTrue();
    });
  }

  @Test
  void largeFileParsesCompletely() {
    // speed is measured by bench/, not here: a timed assertion would only make a loaded CI flaky
    StringBuilder sb = new StringBuilder("FROM alpine\n");
    for (int i = 0; i < 50_000; i++) {
      sb.append("RUN echo ").append(i).append(" \\\n  && true\n");
    }
    ParsedSyntax p = parse(sb.toString());
    assertThat(p.instructions()).hasSize(50_001);
    assertThat(p.instructions().get(50_000).range().endLine()).isEqualTo(100_001);
  }

  @Test
  void hostileInputDoesNotThrow() {
    String deep = "FROM a\nCMD " + "[".repeat(60_000) + "\n" + "ONBUILD ".repeat(5000) + "RUN x\n";
    ParsedSyntax p = parse(deep);
    assertThat(p.instructions()).hasSize(3);
    assertThat(p.errors()).noneMatch(e -> e.message().startsWith("internal"));
  }

  /**
   * Building instructions on several threads must give exactly the sequential result: the same
   * instructions, and errors in the same order when the line reader's errors (an over-long line,
   * an unterminated heredoc) come between the builders' own.
   */
  @Test
  void buildingOnSeveralThreadsGivesTheSequentialResult() {
    StringBuilder text = new StringBuilder("# syntax=docker/dockerfile:1\n");
    for (int block = 0; text.length() <= SyntaxParser.PARALLEL_BUILD_CHARS + 3 * SyntaxParser.BUILD_BATCH_CHARS; block++) {
      text.append("FROM alpine:3.").append(block).append(" AS s").append(block).append('\n')
          .append("ENV A=1 \\\n\n    # a comment inside\n    B=\"$A x\"\n")
          .append("RUN set -e; \\\n    if [ -d /x ]; then echo \"$(date)\" > /x/v; fi\n")
          .append("COPY <<EOF /etc/c").append(block).append("\nline ${A}\nEOF\n")
          .append("ENV A=b c\n")                   // a builder error
          .append("CMD [1]\n")                      // another
          .append("RUN ").append("y".repeat(block % 50 == 7 ? 70_000 : 3)).append('\n') // sometimes too long
          .append("FROOM typo\n");
    }
    text.append("RUN cat <<EOF\nnever ends\n");
    SourceText big = new SourceText(text.toString());
    ParsedSyntax sequential = SyntaxParser.parse(big, 1);
    ParsedSyntax parallel = SyntaxParser.parse(big, 4);
    assertThat(sequential.errors()).extracting(SyntaxError::message)
        .contains("unterminated heredoc", "Syntax error - can't find = in \"c\". Must be of the form: name=value",
            "when using JSON array syntax, arrays must be comprised of strings only")
        .anyMatch(m -> m.startsWith("dockerfile line greater than max allowed size"));
    // each instruction's errors come where the instruction is, after those of the lines read for it
    assertThat(sequential.errors()).extracting(e -> e.range().start()).isSorted();
    assertThat(sequential.emptyContinuations()).isNotEmpty();
    assertThat(parallel).isEqualTo(sequential);
    assertThat(SyntaxParser.parse(big)).isEqualTo(sequential);
  }
}
