package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.parse.JsonArray.Element;
import dev.dockerlint.parse.JsonArray.Kind;
import dev.dockerlint.parse.JsonArray.Result;
import dev.dockerlint.source.SourceText;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exec form as BuildKit reads it: {@code json.Unmarshal} of the whole argument text into
 * {@code []any}. Expected results follow Go's {@code encoding/json} (scanner.go, decode.go): a syntax
 * error or any other decode error means shell form, a valid array with a non-string is the fatal
 * "arrays must be comprised of strings only".
 */
class JsonArrayTest {
  private static Result parse(String text) {
    return JsonArray.parse(text, 0, text.length());
  }

  static Stream<Arguments> stringArrays() {
    return Stream.of(
        Arguments.of("[]", List.of()),
        Arguments.of("[ \t\r\n]", List.of()),
        Arguments.of("[\"a\"]", List.of("a")),
        Arguments.of("[\"a\",\"b\"]", List.of("a", "b")),
        Arguments.of("[ \"a\" ,\n\t\"b\" ]", List.of("a", "b")),
        // JSON white space (space, tab, CR, LF) may follow the array
        Arguments.of("[\"a\"] \t\r\n", List.of("a")),
        Arguments.of("[\"\"]", List.of("")),
        Arguments.of("[\"a b\"]", List.of("a b")),
        Arguments.of("[\"'single'\"]", List.of("'single'")),
        // the short escapes
        Arguments.of("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", List.of("\"\\/\b\f\n\r\t")),
        // \\u with upper and lower case hex digits, including the highest ones
        Arguments.of("[\"\\u00e9\\u00E9\"]", List.of("\u00e9\u00e9")),
        Arguments.of("[\"\\u006f\\u004F\\uffff\"]", List.of("oO\uffff")),
        Arguments.of("[\"\\u0000\"]", List.of("\u0000")),
        // a surrogate pair decodes to one code point
        Arguments.of("[\"\\ud83d\\ude00\"]", List.of("\ud83d\ude00")),
        Arguments.of("[\"\\uD83D\\uDE00\"]", List.of("\ud83d\ude00")),
        // Go turns a lone or broken surrogate into U+FFFD and decodes what follows on its own
        Arguments.of("[\"\\ud83d\"]", List.of("\ufffd")),
        Arguments.of("[\"\\ude00\"]", List.of("\ufffd")),
        Arguments.of("[\"\\ud83dx\"]", List.of("\ufffdx")),
        Arguments.of("[\"\\ud83d\\u0041\"]", List.of("\ufffdA")),
        Arguments.of("[\"\\ud83d\\ud83d\"]", List.of("\ufffd\ufffd")),
        Arguments.of("[\"\\ude00\\ud83d\"]", List.of("\ufffd\ufffd")),
        Arguments.of("[\"\\ud83d\\\\ude00\"]", List.of("\ufffd\\ude00")),
        Arguments.of("[\"\\ud83dAude00\"]", List.of("\ufffdAude00")),
        // characters JSON does not need to escape pass through, DEL and non-ASCII included
        Arguments.of("[\"\u007f\u00e9\u4e2d\"]", List.of("\u007f\u00e9\u4e2d")));
  }

  @ParameterizedTest
  @MethodSource("stringArrays")
  void stringArraysAreExecForm(String json, List<String> values) {
    Result result = parse(json);
    assertThat(result.kind()).isEqualTo(Kind.STRINGS);
    assertThat(result.elements()).extracting(Element::value).isEqualTo(values);
  }

  static Stream<String> validButNotStrings() {
    return Stream.of(
        "[1]", "[0]", "[9]", "[10]", "[19]", "[-1]", "[-0]", "[0.5]", "[1.25]", "[1e5]", "[1E5]",
        "[1e+5]", "[1e-5]", "[-0.5e+3]", "[123456789]", "[1e308]", "[1e-400]",
        "[true]", "[false]", "[null]",
        "[[]]", "[[ ]]", "[{}]", "[{ }]", "[[1]]", "[[1,2],[3]]", "[[1],2]", "[[[\"a\"]],\"b\"]",
        "[{\"a\":1}]", "[{\"a\" : 1 , \"b\" : [true, {}]}]", "[{\"a\":{\"b\":{}}}]",
        "[\"a\",1]", "[1,\"a\"]", "[\"a\", null]", "[\"x\", [\"nested json\"]]",
        "[ 1 , 2 ]");
  }

  @ParameterizedTest
  @MethodSource("validButNotStrings")
  void validArraysWithOtherValuesAreNotStrings(String json) {
    assertThat(parse(json)).isEqualTo(new Result(Kind.NOT_STRINGS, List.of()));
  }

  static Stream<String> invalid() {
    return Stream.of(
        // not an array, or not only an array
        "", " ", "a", "{\"a\":1}", "\"a\"", "1", "[\"a\"] x", "[\"a\"]]", "[][]", "[] x",
        // unfinished
        "[", "[ ", "[\"a\"", "[\"a\",", "[\"a", "[\"a\\", "[\"\\u0", "[\"\\ud83d", "[[", "[[1", "[[1,",
        "[{", "[{\"a\"", "[{\"a\":", "[{\"a\":1", "[1", "[-", "[1.", "[1e", "[1e+", "[tru", "[nul",
        // bad separators and commas
        "[\"a\" \"b\"]", "[\"a\",]", "[,\"a\"]", "[,]", "[\"a\";\"b\"]", "[[1 2]]", "[[1,]]", "[[,1]]",
        // bad strings: single quotes, raw control characters, unknown or short escapes
        "['a']", "[\"a\tb\"]", "[\"a\nb\"]", "[\"\u001f\"]", "[\"\\a\"]", "[\"\\x41\"]", "[\"\\U0041\"]",
        "[\"\\u00G0\"]", "[\"\\u12\"]", "[\"\\u\uff10041\"]",
        // an escape that is invalid stays invalid even right after a high surrogate
        "[\"\\ud83d\\xde00\"]",
        // bad numbers
        "[01]", "[-01]", "[+1]", "[.5]", "[1.]", "[1.e5]", "[1e]", "[1e+]", "[-]", "[1x]", "[0x10]",
        "[1true]", "[Infinity]", "[NaN]",
        // bad literals
        "[True]", "[nil]", "[truex]", "[x]",
        // mismatched containers and bad objects
        "[[1}]", "[{\"a\":1]]", "[[}]", "[{]]", "[{a:1}]", "[{\"a\" 1}]", "[{\"a\":}]", "[{\"a\":1,}]",
        "[{,}]", "[{\"a\":1}}]", "[{\"a\\q\":1}]", "[{1:2}]", "[{\"a\":1 \"b\":2}]",
        // white space JSON does not know, inside the array or after it
        "[\u00a0\"a\"]", "[\"a\",\u00a0\"b\"]", "[\"a\"]\u00a0", "[\"a\"]\f");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidJsonIsShellForm(String json) {
    assertThat(parse(json)).isEqualTo(new Result(Kind.INVALID, List.of()));
  }

  @Test
  void elementRangesCoverTheQuotedLiteral() {
    String json = "[ \"a\" , \"b\\\"c\" ]";
    assertThat(parse(json).elements()).containsExactly(new Element("a", 2, 5), new Element("b\"c", 8, 14));
    assertThat(json.substring(8, 14)).isEqualTo("\"b\\\"c\"");
  }

  @Test
  void parsesOnlyTheGivenRangeAfterGoWhiteSpace() {
    // BuildKit trims leading unicode.IsSpace before looking for '[', NBSP and vertical tab included
    String line = "CMD \u00a0\u000b[\"a\", \"b\"] \"not\" [part";
    int end = line.indexOf(" \"not\"");
    Result result = JsonArray.parse(line, 4, end);
    assertThat(result.kind()).isEqualTo(Kind.STRINGS);
    assertThat(result.elements()).containsExactly(new Element("a", 7, 10), new Element("b", 12, 15));
    assertThat(JsonArray.parse(line, 4, end + 1).kind()).isEqualTo(Kind.STRINGS);
    assertThat(JsonArray.parse(line, 4, end + 2).kind()).isEqualTo(Kind.INVALID);
    // a range that stops inside a token never reads past its end
    assertThat(JsonArray.parse("[true]", 0, 4).kind()).isEqualTo(Kind.INVALID);
    assertThat(JsonArray.parse("[\"ab\"]", 0, 4).kind()).isEqualTo(Kind.INVALID);
    assertThat(JsonArray.parse("[\"\\u0041\"]", 0, 7).kind()).isEqualTo(Kind.INVALID);
    assertThat(JsonArray.parse("[\"\\ud83d\\ude00\"]", 0, 14).kind()).isEqualTo(Kind.INVALID);
    assertThat(JsonArray.parse("[10]", 0, 2).kind()).isEqualTo(Kind.INVALID);
    assertThat(JsonArray.parse("x[]", 1, 1).kind()).isEqualTo(Kind.INVALID);
  }

  @Test
  void nestingFollowsGosMaximumDepthOf10000() {
    // encoding/json's scanner fails once more than 10000 arrays or objects are open, the outer one included
    assertThat(parse("[".repeat(10_000) + "]".repeat(10_000)).kind()).isEqualTo(Kind.NOT_STRINGS);
    assertThat(parse("[".repeat(10_001) + "]".repeat(10_001)).kind()).isEqualTo(Kind.INVALID);
    assertThat(parse("[" + "{\"a\":[".repeat(4_999) + "{}" + "]}".repeat(4_999) + "]").kind()).isEqualTo(Kind.NOT_STRINGS);
    assertThat(parse("[" + "{\"a\":[".repeat(5_000) + "]}".repeat(5_000) + "]").kind()).isEqualTo(Kind.INVALID);
    // deep input never overflows the stack
    assertThat(parse("[".repeat(1_000_000)).kind()).isEqualTo(Kind.INVALID);
  }

  @Test
  void aNumberOutsideFloat64MakesUnmarshalFailSoItIsShellForm() {
    // json.Unmarshal into []any stores numbers as float64; ParseFloat's range error fails the whole decode
    assertThat(parse("[1e309]").kind()).isEqualTo(Kind.INVALID);
    assertThat(parse("[\"a\", -1e400]").kind()).isEqualTo(Kind.INVALID);
    assertThat(parse("[\"a\", {\"b\": [1" + "0".repeat(400) + "]}]").kind()).isEqualTo(Kind.INVALID);
    // the largest float64 and underflow to zero are fine
    assertThat(parse("[1.7976931348623157e308]").kind()).isEqualTo(Kind.NOT_STRINGS);
    assertThat(parse("[1e-400]").kind()).isEqualTo(Kind.NOT_STRINGS);
  }

  @Test
  void onlyAValidArrayWithANonStringIsAFatalError() {
    ParsedSyntax p = SyntaxParser.parse(new SourceText("FROM a\nCMD [1]\nCMD [1e400]\nCMD [\"a\",]\nCMD [\"a\"]\n"));
    assertThat(p.errors()).extracting(SyntaxError::message)
        .containsExactly("when using JSON array syntax, arrays must be comprised of strings only");
    assertThat(p.errors().get(0).range().startLine()).isEqualTo(2);
    assertThat(p.instructions().subList(1, 5)).extracting(i -> ((Cmd) i).command().isExecForm())
        .containsExactly(false, false, false, true);
  }
}
