package dev.dockerlint.lint;

import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;

/**
 * One text edit of a fix, over the file's original text: the text of {@code range} becomes
 * {@code replacement}. An empty range inserts; an empty replacement deletes. Line breaks in a
 * replacement are written {@code \n}; the fix engine writes them as the file does ({@code \r\n}).
 */
public record Edit(SourceRange range, String replacement) {
  public Edit {
    if (range == null || replacement == null) {
      throw new IllegalArgumentException("an edit needs a range and a replacement");
    }
  }

  public static Edit insert(Position at, String text) {
    return new Edit(new SourceRange(at, at), text);
  }

  public static Edit replace(SourceRange range, String text) {
    return new Edit(range, text);
  }

  public static Edit delete(SourceRange range) {
    return new Edit(range, "");
  }
}
