package dev.dockerlint.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VariableExpanderTest {
  private static final Map<String, String> ENV = new HashMap<>();

  static {
    ENV.put("PWD", "/home");
    ENV.put("SHELL", "bash");
    ENV.put("EMPTY", "");
    ENV.put("A", "a");
    ENV.put("B", "b");
    ENV.put("FILE", "dir/sub/name.tar.gz");
    ENV.put("KOREAN", "한국어");
    ENV.put("SPACED", "a b  c");
    ENV.put("STAR", "x*y");
    ENV.put("_U9", "u9");
    ENV.put("1", "one");
  }

  /** input, expected value, expected error (null for none). Escape is backslash. */
  static Stream<Arguments> backslashCases() {
    String[][] cases = {
      // plain text and literal dollars
      {"", "", null},
      {"hello", "hello", null},
      {"$", "$", null},
      {"a$", "a$", null},
      {"he$.x", "he$.x", null},
      {"$ x", "$ x", null},
      {"$/", "$/", null},
      // simple names
      {"$PWD", "/home", null},
      {"he$PWD", "he/home", null},
      {"he$pwd.", "he.", null},
      {"$PWD/x", "/home/x", null},
      {"${PWD}x", "/homex", null},
      {"$_U9!", "u9!", null},
      {"$UNSET", "", null},
      {"${UNSET}", "", null},
      {"$KOREAN", "한국어", null},
      {"$SPACED", "a b  c", null},
      // digit names take only digits; special names are one character
      {"he$1x", "heonex", null},
      {"$12", "", null},
      {"$@x", "x", null},
      {"$$", "", null},
      {"${1}", "one", null},
      // escapes outside quotes
      {"\\$PWD", "$PWD", null},
      {"\\${PWD}", "${PWD}", null},
      {"a\\ b", "a b", null},
      {"a\\\\b", "a\\b", null},
      {"a\\", "a", null},
      {"\\'x\\'", "'x'", null},
      // single quotes
      {"'$PWD'", "$PWD", null},
      {"'a\\b'", "a\\b", null},
      {"x'y'z", "xyz", null},
      {"'unterminated", "unterminated", "unexpected end of statement while looking for matching single-quote"},
      // double quotes
      {"\"$PWD\"", "/home", null},
      {"\"${PWD}/x y\"", "/home/x y", null},
      {"\"\\$PWD\"", "$PWD", null},
      {"\"a\\\"b\"", "a\"b", null},
      {"\"a\\\\b\"", "a\\b", null},
      {"\"a\\nb\"", "a\\nb", null},
      {"\"'$A'\"", "'a'", null},
      {"\"abc", "abc", "unexpected end of statement while looking for matching double-quote"},
      {"\"\"", "", null},
      // :- and -
      {"${UNSET:-dflt}", "dflt", null},
      {"${EMPTY:-dflt}", "dflt", null},
      {"${A:-dflt}", "a", null},
      {"${UNSET-dflt}", "dflt", null},
      {"${EMPTY-dflt}", "", null},
      {"${UNSET:-$A$B}", "ab", null},
      {"${UNSET:-${EMPTY:-${B}}}", "b", null},
      {"${UNSET:-'a b'}", "a b", null},
      {"${UNSET:-\"$A c\"}", "a c", null},
      {"${UNSET:-}", "", null},
      // :+ and +
      {"${A:+alt}", "alt", null},
      {"${EMPTY:+alt}", "", null},
      {"${EMPTY+alt}", "alt", null},
      {"${UNSET+alt}", "", null},
      {"${A+$B}", "b", null},
      // :? and ?
      {"${A:?}", "a", null},
      {"${UNSET:?}", "", "UNSET: is not allowed to be unset"},
      {"${EMPTY:?}", "", "EMPTY: is not allowed to be empty"},
      {"${EMPTY?}", "", null},
      {"${UNSET?custom message}", "", "UNSET: custom message"},
      {"x${UNSET:?must set}y", "xy", "UNSET: must set"},
      // pattern removal
      {"${FILE#*/}", "sub/name.tar.gz", null},
      {"${FILE##*/}", "name.tar.gz", null},
      {"${FILE%.*}", "dir/sub/name.tar", null},
      {"${FILE%%.*}", "dir/sub/name", null},
      {"${FILE#dir}", "/sub/name.tar.gz", null},
      {"${FILE#nomatch}", "dir/sub/name.tar.gz", null},
      {"${FILE%?z}", "dir/sub/name.tar.", null},
      {"${FILE##*}", "", null},
      {"${FILE%%}", "dir/sub/name.tar.gz", null},
      {"${UNSET#x}", "", null},
      {"${STAR#x\\*}", "y", null},
      {"${STAR#x'*'}", "y", null},
      {"${STAR#\"x*\"}", "y", null},
      {"${STAR%\\*?}", "x", null},
      // substitution
      {"${FILE/\\//:}", "dir:sub/name.tar.gz", null},
      {"${FILE//\\//:}", "dir:sub:name.tar.gz", null},
      {"${FILE/a/A}", "dir/sub/nAme.tar.gz", null},
      {"${FILE//a/A}", "dir/sub/nAme.tAr.gz", null},
      {"${FILE/s*e/X}", "dir/X.tar.gz", null},
      {"${FILE/?/}", "ir/sub/name.tar.gz", null},
      {"${FILE/.*/}", "dir/sub/name", null},
      {"${FILE/.*}", "", "syntax error: missing '/' in ${}"},
      {"${A/a/\\b}", "\\b", null},
      {"${A/a/x\\}y}", "x\\}y", null},
      {"${A/a/'q'}", "q", null},
      {"${FILE//[/x}", "dir/sub/name.tar.gz", null},
      {"${SHELL/b/$A}", "aash", null},
      {"${SHELL///x}", "bash", null},
      {"${SPACED// /_}", "a_b__c", null},
      // errors
      {"${}", "", "syntax error: bad substitution"},
      {"${:x}", "", "syntax error: bad substitution"},
      {"${{A}}", "}", "syntax error: bad substitution"},
      {"${A", "", "syntax error: missing '}'"},
      {"${A:-x", "", "syntax error: missing '}'"},
      {"${", "", "syntax error: missing '}'"},
      {"${A=x}", "", "unsupported modifier (=) in substitution"},
      {"${A:=x}", "", "unsupported modifier (:=) in substitution"},
      {"${A:#x}rest", "rest", "unsupported modifier (:#) in substitution"},
      {"${1x}", "", "unsupported modifier (x) in substitution"},
      // errors do not stop the rest of the text
      {"${}$A", "a", "syntax error: bad substitution"},
    };
    return Arrays.stream(cases).map(c -> Arguments.of(c[0], c[1], c[2]));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("backslashCases")
  void expandsLikeBuildKit(String input, String expected, String error) {
    Expansion result = VariableExpander.expand(input, '\\', ENV::get);
    assertThat(result.value()).isEqualTo(expected);
    assertThat(result.error()).isEqualTo(error);
  }

  static Stream<Arguments> backtickCases() {
    String[][] cases = {
      {"`$PWD", "$PWD", null},
      {"a\\b", "a\\b", null},
      {"C:\\path\\$A", "C:\\path\\a", null},
      {"\"`\"x\"", "\"x", null},
      {"\"`$A\"", "$A", null},
      {"\"a`b\"", "a`b", null},
      {"``", "`", null},
      {"${STAR#x`*}", "y", null},
      {"${FILE/\\/x}", "dir/sub/name.tar.gz", null},
    };
    return Arrays.stream(cases).map(c -> Arguments.of(c[0], c[1], c[2]));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("backtickCases")
  void backtickEscape(String input, String expected, String error) {
    Expansion result = VariableExpander.expand(input, '`', ENV::get);
    assertThat(result.value()).isEqualTo(expected);
    assertThat(result.error()).isEqualTo(error);
  }

  @Test
  void listsReferencesInOrderWithoutDuplicates() {
    Expansion result = VariableExpander.expand("$A ${B:-$C} '$D' \"$E\" $A ${F#$G} \\$H $1", '\\', ENV::get);
    assertThat(result.references()).containsExactly("A", "B", "C", "E", "F", "G", "1");
  }

  @Test
  void referencesInsideUnusedModifierWords() {
    assertThat(VariableExpander.expand("${A:+$X}${A:-$Y}", '\\', ENV::get).references())
        .containsExactly("A", "X", "Y");
  }

  @Test
  void nullLookupMeansUnset() {
    assertThat(VariableExpander.expand("${X-unset}", '\\', k -> null).value()).isEqualTo("unset");
    assertThat(VariableExpander.expand("${X-unset}", '\\', k -> "").value()).isEqualTo("");
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    String deep = "${A:-".repeat(100_000) + "x" + "}".repeat(100_000);
    Expansion result = VariableExpander.expand(deep, '\\', ENV::get);
    assertThat(result.error()).contains("nested too deeply");
  }

  @Test
  void expansionsThatCopyInTooMuchFailInsteadOfGrowing() {
    String half = "b".repeat(VariableExpander.MAX_EXPANDED / 2);
    java.util.function.Function<String, String> lookup = name -> name.equals("B") ? half : null;
    Expansion atTheLimit = VariableExpander.expand("$B${B}", '\\', lookup);
    assertThat(atTheLimit.error()).isNull();
    assertThat(atTheLimit.value()).hasSize(VariableExpander.MAX_EXPANDED);
    Expansion past = VariableExpander.expand("x$B${B:-y}\"$B\"${U:-$B}", '\\', lookup);
    assertThat(past.error()).isEqualTo(VariableExpander.TOO_LONG);
    assertThat(past.value().length()).isLessThanOrEqualTo(VariableExpander.MAX_EXPANDED + 10);
    // a replacement brings in the replacing text once per match: 60,000 matches of 60,000 characters
    String big = "c".repeat(60_000);
    Expansion replaced = VariableExpander.expand("${C//?/$C}", '\\', name -> name.equals("C") ? big : null);
    assertThat(replaced.error()).isEqualTo(VariableExpander.TOO_LONG);
    assertThat(VariableExpander.Glob.replace("aaaa", "a", "bb", true, 7)).isNull();
    assertThat(VariableExpander.Glob.replace("aaaa", "a", "bb", true, 8)).isEqualTo("bbbbbbbb");
    // an earlier error does not hide that the value is not known
    assertThat(VariableExpander.expand("${:}$B$B$B", '\\', lookup).error()).isEqualTo(VariableExpander.TOO_LONG);
  }

  @Test
  void moderateNestingWorks() {
    String nested = "${U:-".repeat(150) + "x" + "}".repeat(150);
    assertThat(VariableExpander.expand(nested, '\\', ENV::get).value()).isEqualTo("x");
  }

  @Test
  // a hang guard against superlinear blow-ups on huge input; speed itself is measured in bench/
  @Timeout(60)
  void linearTimeOnLongInputs() {
    String big = "${FILE//a/b}$A\"x\\$y\"'z'".repeat(20_000);
    Expansion result = VariableExpander.expand(big, '\\', name -> name.equals("A") ? "a" : null);
    assertThat(result.error()).isNull();
    assertThat(result.value()).hasSize(20_000 * 5);
    // with FILE set, 20,000 copies of it pass the limit; the error at the end does not replace it
    Expansion capped = VariableExpander.expand(big + "${", '\\', ENV::get);
    assertThat(capped.error()).isEqualTo(VariableExpander.TOO_LONG);
    assertThat(capped.references()).containsExactly("FILE", "A");
    String hostile = "a".repeat(200_000);
    Map<String, String> env = Map.of("V", hostile);
    VariableExpander.expand("${V//a*b/x}${V%%*b}${V##*b}${V/?*?*?*?*b/}", '\\', env::get);
  }

  @Test
  void randomInputNeverThrows() {
    Random random = new Random(42);
    String alphabet = "${}:-+?#%/*'\"\\`aB1_ @!";
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(30);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = sb.toString();
      char escape = random.nextBoolean() ? '\\' : '`';
      assertThatCode(() -> VariableExpander.expand(input, escape, ENV::get)).as(input).doesNotThrowAnyException();
    }
  }

  @Test
  void globMatching() {
    assertThat(VariableExpander.Glob.matches("a*c", "abbbc")).isTrue();
    assertThat(VariableExpander.Glob.matches("a?c", "abc")).isTrue();
    assertThat(VariableExpander.Glob.matches("a?c", "abbc")).isFalse();
    assertThat(VariableExpander.Glob.matches("\\*", "*")).isTrue();
    assertThat(VariableExpander.Glob.matches("\\*", "x")).isFalse();
    assertThat(VariableExpander.Glob.matches("**", "")).isTrue();
    assertThat(List.of(VariableExpander.Glob.replace("aXbXc", "X", "-", true, Integer.MAX_VALUE))).containsExactly("a-b-c");
  }
}
