package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.parse.HeredocWords.Marker;
import dev.dockerlint.parse.HeredocWords.Word;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Heredoc detection as BuildKit's {@code heredocsFromLine} does it: the line is split by the shell lexer
 * with raw quotes and raw escapes (so both stay in the word), and each word is matched against
 * {@code ^(\d*)<<(-?)([^<]*)$}; the delimiter is the rest lexed again without raw quotes. Cases follow
 * lex.go and BuildKit's {@code TestParseHeredocHelpers}/{@code TestParseHeredocs}.
 */
class HeredocWordsTest {
  private static List<String> texts(String line) {
    return HeredocWords.words(line, 0, line.length()).stream().map(Word::text).toList();
  }

  static Stream<Arguments> splitting() {
    return Stream.of(
        Arguments.of("", List.of()),
        Arguments.of("   ", List.of()),
        Arguments.of("a", List.of("a")),
        Arguments.of("a b", List.of("a", "b")),
        Arguments.of("  a \t b  ", List.of("a", "b")),
        // Go's unicode.IsSpace separates words too, NBSP included
        Arguments.of("a\u00a0b\u3000c", List.of("a", "b", "c")),
        // quotes stay in the word and protect white space; a word may mix quoted and plain parts
        Arguments.of("echo \"a b\" 'c d'e", List.of("echo", "\"a b\"", "'c d'e")),
        Arguments.of("a\"b c\"d", List.of("a\"b c\"d")),
        Arguments.of("\"\" ''", List.of("\"\"", "''")),
        // an escape outside quotes keeps both characters and joins words
        Arguments.of("a\\ b c", List.of("a\\ b", "c")),
        Arguments.of("\\\"a b", List.of("\\\"a", "b")),
        Arguments.of("a \\", List.of("a", "\\")),
        // inside double quotes the escape protects '"', '$' and '\'; other escapes are plain text
        Arguments.of("\"a\\\"b\" c", List.of("\"a\\\"b\"", "c")),
        Arguments.of("\"a\\\\\" b", List.of("\"a\\\\\"", "b")),
        Arguments.of("\"a\\$\" b", List.of("\"a\\$\"", "b")),
        Arguments.of("\"a\\x\" b", List.of("\"a\\x\"", "b")),
        // inside single quotes nothing is escaped
        Arguments.of("'a\\' b", List.of("'a\\'", "b")),
        Arguments.of("'a\"b' c", List.of("'a\"b'", "c")),
        // an unbalanced quote makes the lexer fail: no words at all, so no heredoc either
        Arguments.of("cat <<EOF \"", List.of()),
        Arguments.of("cat <<EOF 'x", List.of()),
        Arguments.of("echo \"a\\\"", List.of()),
        Arguments.of("echo \"a\\", List.of()),
        Arguments.of("echo 'a\\'b'", List.of()));
  }

  @ParameterizedTest
  @MethodSource("splitting")
  void splitsTheLineLikeBuildkitsLexer(String line, List<String> words) {
    assertThat(texts(line)).isEqualTo(words);
  }

  @Test
  void wordsKeepTheirPositionInTheLine() {
    String line = "RUN  cat <<EOF >\"a b\"";
    List<Word> words = HeredocWords.words(line, 4, line.length());
    assertThat(words).extracting(Word::text).containsExactly("cat", "<<EOF", ">\"a b\"");
    assertThat(words).extracting(Word::start).containsExactly(5, 9, 15);
    assertThat(words).extracting(Word::end).containsExactly(8, 14, 21);
    assertThat(words.get(0).heredoc()).isNull();
    assertThat(words.get(1).heredoc()).isEqualTo(new Marker("EOF", -1, false, true));
    assertThat(words.get(2).heredoc()).isNull();
  }

  @Test
  void onlyTheGivenRangeIsRead() {
    assertThat(HeredocWords.words("ab cd", 0, 4)).containsExactly(
        new Word("ab", 0, 2, null), new Word("c", 3, 4, null));
    // an escape as the last character of the range does not take the next one
    assertThat(HeredocWords.words("a\\b", 0, 2)).containsExactly(new Word("a\\", 0, 2, null));
    // a quote closed only after the range is unbalanced
    assertThat(HeredocWords.words("\"a\" b", 0, 2)).isEmpty();
    assertThat(HeredocWords.words("\"a\\\"\"", 0, 4)).isEmpty();
    assertThat(HeredocWords.words("x y", 1, 1)).isEmpty();
  }

  @Test
  void heredocWordsOfALine() {
    String line = "cat <<EOF 2<<-'X' \"<<NO\" '<<NO' --x=<<NO <<EOF2";
    List<Word> words = HeredocWords.words(line, 0, line.length());
    assertThat(words).extracting(Word::heredoc).containsExactly(
        null, new Marker("EOF", -1, false, true), new Marker("X", 2, true, false), null, null, null,
        new Marker("EOF2", -1, false, true));
  }

  static Stream<Arguments> markers() {
    return Stream.of(
        Arguments.of("<<EOF", new Marker("EOF", -1, false, true)),
        Arguments.of("<<-EOF", new Marker("EOF", -1, true, true)),
        Arguments.of("0<<EOF", new Marker("EOF", 0, false, true)),
        Arguments.of("2<<EOF", new Marker("EOF", 2, false, true)),
        Arguments.of("9<<-EOF", new Marker("EOF", 9, true, true)),
        Arguments.of("12<<EOF", new Marker("EOF", 12, false, true)),
        // any quoting of the delimiter turns expansion off
        Arguments.of("<<'EOF'", new Marker("EOF", -1, false, false)),
        Arguments.of("<<\"EOF\"", new Marker("EOF", -1, false, false)),
        Arguments.of("<<-'EOF'", new Marker("EOF", -1, true, false)),
        Arguments.of("<<-\"EOF\"", new Marker("EOF", -1, true, false)),
        Arguments.of("<<EO\"F\"", new Marker("EOF", -1, false, false)),
        Arguments.of("<<eo'f'", new Marker("eof", -1, false, false)),
        Arguments.of("<<'one two'", new Marker("one two", -1, false, false)),
        // an escaped quote is a character of the name, not quoting: expansion stays on
        Arguments.of("<<eo\\'f", new Marker("eo'f", -1, false, true)),
        Arguments.of("<<'e'o\\'f", new Marker("eo'f", -1, false, false)),
        Arguments.of("<<E\\OF", new Marker("EOF", -1, false, true)),
        Arguments.of("<<E\\ F", new Marker("E F", -1, false, true)),
        Arguments.of("<<EOF\\", new Marker("EOF", -1, false, true)),
        // inside double quotes only '"', '$' and '\' are escaped
        Arguments.of("<<\"E\\\"F\"", new Marker("E\"F", -1, false, false)),
        Arguments.of("<<\"a\\\\b\"", new Marker("a\\b", -1, false, false)),
        Arguments.of("<<\"a\\$b\"", new Marker("a$b", -1, false, false)),
        Arguments.of("<<\"a\\b\"", new Marker("a\\b", -1, false, false)),
        Arguments.of("<<'a\"b'", new Marker("a\"b", -1, false, false)),
        // the lexer sees no quotes or variables to remove here
        Arguments.of("<<$EOF", new Marker("$EOF", -1, false, true)),
        Arguments.of("<<file.txt", new Marker("file.txt", -1, false, true)),
        // [^<]* lets '>' into the name
        Arguments.of("<<EOF>out", new Marker("EOF>out", -1, false, true)));
  }

  @ParameterizedTest
  @MethodSource("markers")
  void readsTheDelimiter(String word, Marker expected) {
    assertThat(HeredocWords.marker(word)).isEqualTo(expected);
  }

  static Stream<String> notHeredocs() {
    return Stream.of(
        "", "EOF", "<<", "<<-", "<EOF", "<<<EOF", "<<EOF<", "<<E<F", "x<<EOF", "2x<<EOF", "-<<EOF", "12", "\"<<EOF\"",
        "'<<EOF'", "\\<<EOF", "<<''", "<<\"\"",
        // the rest must lex to exactly one word
        "<<EOF sh", "<<'a' b",
        // unbalanced quotes (BuildKit's lexer fails; a line that lexed can never hold such a word)
        "<<'EOF", "<<\"EOF", "<<EOF'", "<<EOF\"", "<<\"EOF\\");
  }

  @ParameterizedTest
  @MethodSource("notHeredocs")
  void otherWordsAreNotHeredocs(String word) {
    assertThat(HeredocWords.marker(word)).isNull();
  }

  @Test
  void anFdTooLargeForUintIsNotStandardInput() {
    // Go's ParseUint saturates on overflow (BuildKit ignores the error): the fd is huge, never 0
    assertThat(HeredocWords.marker("99999999999999999999<<EOF").fd()).isEqualTo(Integer.MAX_VALUE);
    assertThat(HeredocWords.marker("3000000000<<EOF").fd()).isEqualTo(Integer.MAX_VALUE);
    assertThat(HeredocWords.marker("2147483647<<EOF").fd()).isEqualTo(Integer.MAX_VALUE);
    assertThat(HeredocWords.marker("007<<EOF").fd()).isEqualTo(7);
  }
}
