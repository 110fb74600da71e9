package dev.dockerlint.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dockerlint.source.OffsetMap;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellParserTest {

  static ShellScript parse(String text) {
    return ShellParser.parse(text, OffsetMap.shifted(new SourceText(text), 0));
  }

  /**
   * One entry per command: assignments and word values joined by spaces, then the separator
   * ({@code && || | ; & .} for END) and {@code @depth} when nested.
   */
  static String summary(ShellScript script) {
    return script.commands().stream().map(ShellParserTest::summary).collect(Collectors.joining(", "));
  }

  static String summary(ShellCommand c) {
    String words = Stream.concat(c.assignments().stream(), c.words().stream())
        .map(Word::value)
        .collect(Collectors.joining(" "));
    String sep = switch (c.separator()) {
      case AND -> "&&";
      case OR -> "||";
      case PIPE -> "|";
      case SEQUENCE -> ";";
      case BACKGROUND -> "&";
      case END -> ".";
    };
    return words + " " + sep + (c.subshellDepth() > 0 ? " @" + c.subshellDepth() : "");
  }

  static Stream<Arguments> structure() {
    return Stream.of(
        Arguments.of("echo hi", "echo hi ."),
        Arguments.of("  echo   hi  ", "echo hi ."),
        Arguments.of("a && b || c", "a &&, b ||, c ."),
        Arguments.of("a | b |& c", "a |, b |, c ."),
        Arguments.of("a; b & c", "a ;, b &, c ."),
        Arguments.of("a;", "a ."),
        Arguments.of("a &", "a &"),
        Arguments.of("a\nb\n", "a ;, b ."),
        Arguments.of("a &&\n  b", "a &&, b ."),
        Arguments.of("a |\n b", "a |, b ."),
        Arguments.of("! a && b", "a &&, b ."),
        Arguments.of("time { a; b; } && time -p make -j4 | time", "a ;, b ., make -j4 |, time ."),
        Arguments.of("(cd /x && make) && b", "cd /x && @1, make . @1, b ."),
        Arguments.of("(( i++ )) && x", "x ."),
        Arguments.of("((cd a) && b)", "cd a . @2, b . @1"),
        Arguments.of("( (a) ; b)", "a . @2, b . @1"),
        Arguments.of("{ a; b; } | c", "a ;, b ., c ."),
        Arguments.of("if a; then b; elif c; then d; else e; fi; f",
            "a ., b ., c ., d ., e ., f ."),
        Arguments.of("if [ -f x ]\nthen\n  rm x\nfi", "[ -f x ] ., rm x ."),
        Arguments.of("for x in a b $(ls); do echo $x; done", "ls . @1, echo $x ."),
        Arguments.of("for x\ndo y; done", "y ."),
        Arguments.of("for ((i=0; i<3; i++)); do echo $i; done", "echo $i ."),
        Arguments.of("while read l; do echo \"$l\"; done < f", "read l ., echo $l ."),
        Arguments.of("until false; do :; done", "false ., : ."),
        Arguments.of("case $x in a|b) echo ab;; *) echo other;; esac", "echo ab ., echo other ."),
        Arguments.of("case $x in\n  (a) one ;;\n  b)\n    two\n    ;;\nesac", "one ., two ."),
        Arguments.of("case x in a) one;; esac && after", "one ., after ."),
        Arguments.of("f() { echo in; }; f", "echo in ., f ."),
        Arguments.of("function g { echo in; }\ng", "echo in ., g ."),
        Arguments.of("function h() ( echo sub )", "echo sub . @1"),
        Arguments.of("echo if then fi done", "echo if then fi done ."),
        Arguments.of("echo {a,b} }", "echo {a,b} } ."),
        Arguments.of("A=1 B=\"x y\" cmd arg", "A=1 B=x y cmd arg ."),
        Arguments.of("A=1", "A=1 ."),
        Arguments.of("A=1 && B=2", "A=1 &&, B=2 ."),
        Arguments.of("cmd A=1", "cmd A=1 ."),
        Arguments.of("arr=(a b c) x", "arr=(a b c) x ."),
        Arguments.of("> out", ""),
        Arguments.of("echo $(date) x", "date . @1, echo $(date) x ."),
        Arguments.of("echo \"$(id -u; echo \"a)b\")\"", "id -u ; @1, echo a)b . @1, echo $(id -u; echo \"a)b\") ."),
        Arguments.of("x=$(a $(b))", "b . @2, a $(b) . @1, x=$(a $(b)) ."),
        Arguments.of("echo `uname -m`", "uname -m . @1, echo `uname -m` ."),
        Arguments.of("echo $((1 + (2 * 3)))", "echo $((1 + (2 * 3))) ."),
        Arguments.of("make -j$(( $(nproc) * 2 ))", "nproc . @1, make -j$(( $(nproc) * 2 )) ."),
        Arguments.of("echo $(( `a` + $((1)) ))", "a . @1, echo $(( `a` + $((1)) )) ."),
        Arguments.of("su -c 'apt-get update' root", "apt-get update . @1, su -c apt-get update root ."),
        Arguments.of("su postgres -c \"psql -c x\"", "psql -c x . @1, su postgres -c psql -c x ."),
        Arguments.of("diff <(sort a) <(sort b)", "sort a . @1, sort b . @1, diff <(sort a) <(sort b) ."),
        Arguments.of("echo ${x:-$(nope)} ok", "echo ${x:-$(nope)} ok ."),
        Arguments.of("sh -c 'a && b | c'", "a && @1, b | @1, c . @1, sh -c a && b | c ."),
        Arguments.of("bash -euxo pipefail -c \"cd /x; make\"", "cd /x ; @1, make . @1, bash -euxo pipefail -c cd /x; make ."),
        Arguments.of("sudo -E sh -c 'x'", "x . @1, sudo -E sh -c x ."),
        Arguments.of("sh script.sh -c x", "sh script.sh -c x ."),
        Arguments.of("bash -c \"$(curl -fsSL u)\"", "curl -fsSL u . @1, $(curl -fsSL u) . @1, bash -c $(curl -fsSL u) ."),
        Arguments.of("bash -c '$(curl -fsSL u)'", "curl -fsSL u . @2, $(curl -fsSL u) . @1, bash -c $(curl -fsSL u) ."),
        Arguments.of("sh -c \"a `b` && $(c)\"", "b . @1, c . @1, a `b` && @1, $(c) . @1, sh -c a `b` && $(c) ."),
        Arguments.of("(sh -c '(a)')", "a . @3, sh -c (a) . @1"),
        Arguments.of("echo a # comment && b\nc", "echo a ;, c ."),
        Arguments.of("# only a comment", ""),
        Arguments.of("echo a#b", "echo a#b ."),
        Arguments.of("echo a;#x\nb", "echo a ;, b ."),
        Arguments.of("echo a \\\n  b", "echo a b ."),
        Arguments.of("ec\\\nho a", "echo a ."),
        Arguments.of("cmd 2>&1 >/dev/null x", "cmd x ."),
        Arguments.of("cmd &>log x >>f 2>/dev/null <in <<<word >|force", "cmd x ."),
        Arguments.of("a 2>&1 | b", "a |, b ."),
        Arguments.of("echo a>b", "echo a ."),
        Arguments.of("echo 2 > x", "echo 2 ."),
        Arguments.of("cat <<EOF > /etc/x\nline && not a command\n$(not parsed)\nEOF\necho after",
            "cat ;, echo after ."),
        Arguments.of("cat <<-'END' | sh\n\tbody\n\tEND\nnext", "cat |, sh ;, next ."),
        Arguments.of("a <<A; b <<B\nx\nA\ny\nB\nc", "a ;, b ;, c ."),
        Arguments.of("cat <<EOF\r\nbody\r\nEOF\r\nafter", "cat ;, after ."),
        // a shell reading its script from a heredoc runs the body: listed one level deeper, before the shell
        Arguments.of("bash <<EOF\na && b\nEOF\nc", "a && @1, b . @1, bash ;, c ."),
        Arguments.of("<<EOF sh -e\na\nEOF", "a . @1, sh -e ."),
        Arguments.of("sh -e <<'X'\necho $HOME\nX", "echo $HOME . @1, sh -e ."),
        Arguments.of("sudo -u bob bash -s -- x <<EOF\na\nEOF", "a . @1, sudo -u bob bash -s -- x ."),
        Arguments.of("bash <<EOF && rm -rf /x\napt-get install y\nEOF", "apt-get install y . @1, bash &&, rm -rf /x ."),
        Arguments.of("bash <<EOF | tee log\na\nEOF", "a . @1, bash |, tee log ."),
        Arguments.of("bash <<A <<B\nx\nA\ny\nB", "y . @1, bash ."),
        Arguments.of("bash <<A; sh <<B\nx\nA\ny\nB\nz", "x . @1, bash ;, y . @1, sh ;, z ."),
        Arguments.of("bash <<-EOF\n\ta\n\t\tb\n\tEOF\nc", "a ; @1, b . @1, bash ;, c ."),
        Arguments.of("bash <<OUT\nsh <<IN\ninner\nIN\nouter\nOUT", "inner . @2, sh ; @1, outer . @1, bash ."),
        Arguments.of("if true; then bash <<EOF\na\nEOF\nfi", "true ., a . @1, bash ."),
        Arguments.of("sh -c 'bash <<EOF\na\nEOF'", "a . @2, bash . @1, sh -c bash <<EOF\na\nEOF ."),
        // the body is data: for a -c string, a script file, another descriptor, another program
        Arguments.of("bash -c 'cat' <<EOF\nrm -rf /\nEOF", "cat . @1, bash -c cat ."),
        Arguments.of("bash script.sh <<EOF\nrm -rf /\nEOF", "bash script.sh ."),
        Arguments.of("bash 3<<EOF\nrm -rf /\nEOF", "bash ."),
        Arguments.of("python3 <<EOF\nimport os\nEOF", "python3 ."),
        Arguments.of("cat <<EOF | sh\nrm -rf /\nEOF", "cat |, sh .")
    );
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("structure")
  void parsesStructure(String script, String expected) {
    ShellScript parsed = parse(script);
    assertThat(summary(parsed)).isEqualTo(expected);
    assertThat(parsed.problems()).isEmpty();
  }

  static Stream<Arguments> words() {
    // raw, value, quoted, expands
    return Stream.of(
        Arguments.of("plain", "plain", false, false),
        Arguments.of("'a b'", "a b", true, false),
        Arguments.of("'$HOME'", "$HOME", true, false),
        Arguments.of("\"$HOME/x\"", "$HOME/x", true, true),
        Arguments.of("$HOME/x", "$HOME/x", false, true),
        Arguments.of("${A:-b}c", "${A:-b}c", false, true),
        Arguments.of("${A:-{b\\}}}", "${A:-{b\\}}}", false, true),
        Arguments.of("\\$HOME", "$HOME", true, false),
        Arguments.of("a\\ b", "a b", true, false),
        Arguments.of("\"a\\\"b\\\\c\\d\\$e\"", "a\"b\\c\\d$e", true, false),
        Arguments.of("x\"y\"'z'", "xyz", true, false),
        Arguments.of("\"a\\\nb\"", "ab", true, false),
        Arguments.of("$(echo \"a b\")", "$(echo \"a b\")", false, true),
        Arguments.of("`date`", "`date`", false, true),
        Arguments.of("$((1+2))", "$((1+2))", false, true),
        Arguments.of("$1$@$?", "$1$@$?", false, true),
        Arguments.of("a$", "a$", false, false),
        Arguments.of("$'a\\nb'", "a\\nb", true, false),
        Arguments.of("--yes=true", "--yes=true", false, false),
        Arguments.of("\"\"", "", true, false));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("words")
  void wordValues(String raw, String value, boolean quoted, boolean expands) {
    String text = "cmd " + raw;
    ShellScript script = parse(text);
    assertThat(script.problems()).isEmpty();
    assertThat(script.commands()).last().satisfies(c -> {
      Word w = c.words().get(1);
      assertThat(w.raw()).isEqualTo(raw);
      assertThat(w.value()).isEqualTo(value);
      assertThat(w.quoted()).as("quoted").isEqualTo(quoted);
      assertThat(w.expands()).as("expands").isEqualTo(expands);
      assertThat(new SourceText(text).slice(w.range())).isEqualTo(raw);
    });
  }

  @Test
  void exactRanges() {
    String text = "apt-get update &&\n  apt-get install -y curl  # why\n";
    SourceText source = new SourceText(text);
    ShellScript script = parse(text);
    List<ShellCommand> commands = script.commands();
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0).range()).isEqualTo(SourceRange.of(1, 1, 1, 15));
    assertThat(commands.get(1).range()).isEqualTo(SourceRange.of(2, 3, 2, 26));
    assertThat(source.slice(commands.get(1).range())).isEqualTo("apt-get install -y curl");
    assertThat(commands.get(1).words().get(2).range()).isEqualTo(SourceRange.of(2, 19, 2, 21));
  }

  @Test
  void rangeIncludesRedirectionsAndAssignments() {
    String text = "A=1 cmd x > out; y";
    ShellScript script = parse(text);
    assertThat(new SourceText(text).slice(script.commands().get(0).range())).isEqualTo("A=1 cmd x > out");
  }

  @Test
  void rangesInsideSubstitutionsAndExactShC() {
    String text = "echo $(id -u) `uname -m` && sh -c 'apt-get update && rm -rf /x'";
    SourceText source = new SourceText(text);
    ShellScript script = parse(text);
    assertThat(script.commands()).extracting(c -> source.slice(c.range()))
        .containsExactly("id -u", "uname -m", "echo $(id -u) `uname -m`", "apt-get update", "rm -rf /x",
            "sh -c 'apt-get update && rm -rf /x'");
    ShellCommand rm = script.commands().get(4);
    assertThat(source.slice(rm.words().get(2).range())).isEqualTo("/x");
  }

  @Test
  void shCWithEscapesMapsToTheWholeArgument() {
    String text = "sh -c \"echo \\\"hi\\\" && ls\"";
    SourceText source = new SourceText(text);
    ShellScript script = parse(text);
    assertThat(summary(script)).isEqualTo("echo hi && @1, ls . @1, sh -c echo \"hi\" && ls .");
    assertThat(source.slice(script.commands().get(0).range())).isEqualTo("\"echo \\\"hi\\\" && ls\"");
  }

  @Test
  void heredocBodyWithPositionsAfterIt() {
    String text = "cat > /x <<EOF\nrm -rf /\nEOF\napt-get clean";
    ShellScript script = parse(text);
    assertThat(summary(script)).isEqualTo("cat ;, apt-get clean .");
    assertThat(script.commands().get(1).range()).isEqualTo(SourceRange.of(4, 1, 4, 14));
  }

  @Test
  void heredocScriptKeepsExactPositionsAlsoWithTabsStripped() {
    String text = "bash <<-EOF\n\t\tapt-get install vim\n\tEOF\n";
    ShellScript script = parse(text);
    assertThat(script.problems()).isEmpty();
    ShellCommand apt = script.commands().get(0);
    assertThat(apt.name()).isEqualTo("apt-get");
    assertThat(apt.range()).isEqualTo(SourceRange.of(2, 3, 2, 22));
    assertThat(apt.words().get(2).range()).isEqualTo(SourceRange.of(2, 19, 2, 22));
  }

  @Test
  void heredocScriptsOfTheTextAreReportedWithTheirShellAndOffsets() {
    String text = "bash <<A && python3 <<B\necho a\nA\nprint(1)\nB\nsh -c 'sh <<C\nx\nC'";
    List<EmbeddedScript> found = new java.util.ArrayList<>();
    ShellScript script = ShellParser.parse(text, OffsetMap.shifted(new SourceText(text), 0), found);
    assertThat(script.problems()).isEmpty();
    // only bash's body: python3's is data, and the one inside the -c string is not at an offset of the text
    assertThat(found).containsExactly(new EmbeddedScript("bash", 24, 31));
    assertThat(text.substring(24, 31)).isEqualTo("echo a\n");
    assertThat(summary(script)).startsWith("echo a . @1, bash &&, python3 ;");
  }

  @Test
  void unterminatedHeredocScriptIsParsedToTheEnd() {
    ShellScript script = parse("bash <<EOF\napt-get install x\n");
    assertThat(summary(script)).isEqualTo("apt-get install x . @1, bash .");
    assertThat(script.problems()).singleElement().asString().contains("unterminated heredoc 'EOF'");
  }

  @Test
  @Timeout(10)
  void deeplyNestedHeredocScriptsStayBounded() {
    StringBuilder text = new StringBuilder();
    int levels = 400;
    for (int i = 0; i < levels; i++) {
      text.append("bash <<E").append(i).append('\n');
    }
    text.append("x\n".repeat(20_000));
    for (int i = levels - 1; i >= 0; i--) {
      text.append('E').append(i).append('\n');
    }
    ShellScript script = parse(text.toString());
    assertThat(script.problems()).anySatisfy(p -> assertThat(p).contains("nested too deeply"));
  }

  @Test
  void unterminatedHeredocIsAProblem() {
    ShellScript script = parse("cat <<EOF\nbody\n");
    assertThat(summary(script)).isEqualTo("cat .");
    assertThat(script.problems()).singleElement().asString().contains("unterminated heredoc 'EOF'");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("echo 'abc", "echo abc .", "unterminated single quote at 1:6"),
        Arguments.of("echo \"abc", "echo abc .", "unterminated double quote at 1:6"),
        Arguments.of("a && (b; c", "a &&, b ; @1, c . @1", "missing ')' at 1:6"),
        Arguments.of("echo $(a", "a . @1, echo $(a .", "unterminated '$(' at 1:6"),
        Arguments.of("echo `a", "a . @1, echo `a .", "unterminated backtick at 1:6"),
        Arguments.of("if a; then b", "a ., b .", "missing 'fi' at 1:1"),
        Arguments.of("a )", "a .", "unexpected ')' at 1:3"),
        Arguments.of("a && ", "a &&", "missing command after '&&' at 1:3"),
        Arguments.of("| a", "a .", "unexpected '|' at 1:1"),
        Arguments.of("fi", "fi .", "unexpected 'fi' at 1:1"),
        Arguments.of("{ a", "a .", "missing '}' at 1:1"),
        Arguments.of("echo ${x", "echo ${x .", "unterminated '${' at 1:6"),
        Arguments.of("echo $((1", "echo $((1 .", "unterminated '$((' at 1:6"),
        Arguments.of("x=$(if a)", "a . @1, x=$(if a) .", "missing 'then' at 1:5"),
        Arguments.of("cmd >", "cmd .", "missing redirection target after '>' at 1:5"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("malformed")
  void malformedInputReportsAProblem(String script, String expected, String problem) {
    ShellScript parsed = parse(script);
    assertThat(summary(parsed)).isEqualTo(expected);
    assertThat(parsed.problems()).first().isEqualTo(problem);
  }

  // ---------------------------------------------------------------- questions rules ask

  @Test
  void aptGetInstallWithoutYes() {
    ShellScript script = parse("apt-get update && apt-get install curl && sudo -E apt-get -qy install git");
    List<ShellCommand> installs = script.commandsNamed("apt-get").stream()
        .map(ShellCommand::unwrapped)
        .filter(c -> c.subcommand().equals(Optional.of("install")))
        .toList();
    assertThat(installs).hasSize(2);
    assertThat(installs.get(0).hasAnyFlag("-y", "--yes", "--assume-yes")).isFalse();
    assertThat(installs.get(1).hasAnyFlag("-y", "--yes", "--assume-yes")).isTrue();
  }

  @Test
  void curlPipedIntoShell() {
    ShellScript script = parse("set -e; curl -fsSL https://x/install.sh | sh -s -- --ver $(cat v)");
    ShellCommand curl = script.commandsNamed("curl").get(0);
    assertThat(script.pipedInto(curl)).map(ShellCommand::name).contains("sh");
    assertThat(script.hasPipe()).isTrue();
  }

  @Test
  void pipeIntoSubshell() {
    ShellScript script = parse("wget -O- x | (cd /tmp && tar xz); y");
    ShellCommand wget = script.commands().get(0);
    assertThat(script.pipedInto(wget)).map(ShellCommand::name).contains("cd");
    assertThat(script.pipedInto(script.commandsNamed("cd").get(0))).isEmpty();
  }

  @Test
  void pipeReaderAnswersByIndex() {
    ShellScript script = parse("curl -s x | gpg --dearmor $(echo -o) k | tee /k; ls");
    // commands end in order: curl, echo (inside gpg's words), gpg, tee, ls
    assertThat(script.commands()).extracting(ShellCommand::name).containsExactly("curl", "echo", "gpg", "tee", "ls");
    assertThat(script.pipeReader(0)).isEqualTo(2);
    assertThat(script.pipeReader(2)).isEqualTo(3);
    assertThat(script.pipeReader(3)).isEqualTo(-1);
    assertThat(script.pipeReader(4)).isEqualTo(-1);
    ShellScript subshell = parse("wget -O- x | (cd /tmp && tar xz); y");
    assertThat(subshell.pipeReader(0)).isEqualTo(1);
  }

  @Test
  void pipeIntoSubshellInsideSubstitution() {
    ShellScript script = parse("x=$(a | (b)) && c");
    assertThat(script.pipedInto(script.commandsNamed("a").get(0))).map(ShellCommand::name).contains("b");
    ShellScript broken = parse("echo $(a |) z");
    assertThat(broken.pipedInto(broken.commandsNamed("a").get(0))).isEmpty();
    ShellScript last = parse("a |");
    assertThat(last.pipedInto(last.commands().get(0))).isEmpty();
    assertThat(last.pipedInto(parse("other").commands().get(0))).isEmpty();
  }

  @Test
  void pipeInsideSubstitution() {
    ShellScript script = parse("x=$(curl u | sha256sum) && y");
    ShellCommand curl = script.commandsNamed("curl").get(0);
    assertThat(script.pipedInto(curl)).map(ShellCommand::name).contains("sha256sum");
  }

  @Test
  void pipefailComesEarlier() {
    ShellScript script = parse("set -o pipefail && wget -O - x | tar xz");
    List<ShellCommand> commands = script.commands();
    int set = -1;
    int firstPipe = -1;
    for (int i = 0; i < commands.size(); i++) {
      ShellCommand c = commands.get(i);
      if (set < 0 && c.is("set") && c.hasArgument("pipefail")) {
        set = i;
      }
      if (firstPipe < 0 && c.separator() == Separator.PIPE) {
        firstPipe = i;
      }
    }
    assertThat(set).isZero();
    assertThat(firstPipe).isEqualTo(1);
  }

  @Test
  void cdOutsideSubshell() {
    ShellScript script = parse("cd /a && make; (cd /b && make); x=$(cd /c; pwd); sh -c 'cd /d'");
    assertThat(script.commandsNamed("cd")).extracting(ShellCommand::inSubshell)
        .containsExactly(false, true, true, true);
  }

  @Test
  void aptListsRemoved() {
    ShellScript script = parse("apt-get update && apt-get install -y x \\\n && rm -rf /var/lib/apt/lists/*");
    assertThat(script.commandsNamed("rm")).singleElement()
        .satisfies(rm -> assertThat(rm.hasArgument("/var/lib/apt/lists/*")).isTrue());
  }

  @Test
  void heredocScriptBody() {
    String body = "#!/bin/bash\nset -eux\n# install things\napt-get update\n"
        + "apt-get install -y \\\n    curl \\\n    git\ncat <<'CONF' > /etc/app.conf\nkey = $(value)\nCONF\n"
        + "if [ -n \"$X\" ]; then\n  echo yes\nfi\n";
    ShellScript script = parse(body);
    assertThat(script.problems()).isEmpty();
    assertThat(summary(script)).isEqualTo(
        "set -eux ;, apt-get update ;, apt-get install -y curl git ;, cat ;, [ -n $X ] ., echo yes .");
    assertThat(script.commands().get(2).range()).isEqualTo(SourceRange.of(5, 1, 7, 8));
  }

  // ---------------------------------------------------------------- robustness

  @Test
  void deepNestingIsReportedNotOverflowed() {
    for (String open : new String[] {"$(", "(", "`", "{ ", "if ", "$(((", "${"}) {
      String text = "echo " + open.repeat(50_000) + "x";
      ShellScript script = parse(text);
      assertThat(script).as(open).isNotNull();
    }
    ShellScript deep = parse("echo " + "$(".repeat(1000) + "x" + ")".repeat(1000));
    assertThat(deep.problems()).anySatisfy(p -> assertThat(p).contains("nested too deeply"));
  }

  @Test
  void nestingBelowTheLimitWorks() {
    ShellScript script = parse("echo " + "$(".repeat(100) + "x" + ")".repeat(100));
    assertThat(script.problems()).isEmpty();
    assertThat(script.commands()).hasSize(101);
    assertThat(script.commands().get(0).subshellDepth()).isEqualTo(100);
  }

  @Test
  // a hang guard against superlinear blow-ups on huge input; speed itself is measured in bench/
  @Timeout(60)
  void largeScriptParsesQuickly() {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 1_000_000) {
      sb.append("apt-get install -y \"pkg-$V\" 'x y' $(echo z) `id` ${A:-b} 2>&1 | tee -a log && \\\n");
    }
    sb.append("true\n");
    ShellScript script = parse(sb.toString());
    assertThat(script.problems()).isEmpty();
    assertThat(script.commands().size()).isGreaterThan(10_000);
    String quotes = "\"".repeat(500_000) + "'".repeat(500_000);
    parse(quotes);
    parse("(".repeat(1_000_000));
    parse(";".repeat(1_000_000));
    parse("$".repeat(1_000_000));
    parse("<<A\n".repeat(200_000));
  }

  @Test
  void randomInputNeverThrows() {
    Random random = new Random(20261123);
    String[] pieces = {"a", " ", "\n", "'", "\"", "\\", "$", "(", ")", "{", "}", "`", "|", "&", ";", "<", ">",
        "#", "<<EOF\n", "EOF", "if", "then", "fi", "do", "done", "case", "esac", "in", "for", "while", "sh -c ",
        "$(", "${", "$((", "2>&1", "=", "-y", "!", ";;", "function", "\t"};
    for (int i = 0; i < 4000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(40);
      for (int j = 0; j < n; j++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      assertThatCode(() -> {
        ShellScript script = parse(text);
        assertThat(script.problems()).noneMatch(p -> p.startsWith("internal"));
      }).as(text).doesNotThrowAnyException();
    }
  }

  @Test
  void emptyInput() {
    assertThat(parse("").commands()).isEmpty();
    assertThat(parse("\n\n  \n").commands()).isEmpty();
  }
}
