package dev.dockerlint.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.shell.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringTableTest {
  @Test
  void aRepeatedShortPieceIsOneStringAndEveryPieceIsTheRightText() {
    String text = "apt-get install apt-get -y";
    String first = StringTable.substring(text, 0, 7);
    String again = StringTable.substring(text, 16, 23);
    assertThat(first).isEqualTo("apt-get");
    assertThat(again).isSameAs(first);
    assertThat(StringTable.substring(text, 24, 26)).isEqualTo("-y");
    assertThat(StringTable.of(new String("-y"))).isSameAs(StringTable.substring(text, 24, 26));
    assertThat(StringTable.substring(text, 3, 3)).isEmpty();
  }

  @Test
  void longPiecesAreNotKept() {
    String piece = "x".repeat(StringTable.MAX_LENGTH + 1);
    String text = piece + " " + piece;
    String first = StringTable.substring(text, 0, piece.length());
    String second = StringTable.substring(text, piece.length() + 1, text.length());
    assertThat(second).isEqualTo(first).isNotSameAs(first);
  }

  @Test
  void aSlotTakenByAnotherPieceGivesTheNewText() {
    // whatever collides in the table, each answer is the text asked for
    for (int i = 0; i < 20_000; i++) {
      String word = "w" + i;
      assertThat(StringTable.substring("(" + word + ")", 1, word.length() + 1)).isEqualTo(word);
    }
  }

  @Test
  void aParsedFileSharesItsRepeatedWords() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM alpine:3.19\nRUN echo hello world\nRUN echo hello world\n");
    List<Run> runs = file.instructions(Run.class);
    Word a = ((ShellForm) runs.get(0).command()).script().commands().get(0).words().get(1);
    Word b = ((ShellForm) runs.get(1).command()).script().commands().get(0).words().get(1);
    assertThat(a.value()).isEqualTo("hello").isSameAs(b.value());
    assertThat(runs.get(0).keyword().text()).isEqualTo("RUN").isSameAs(runs.get(1).keyword().text());
  }
}
