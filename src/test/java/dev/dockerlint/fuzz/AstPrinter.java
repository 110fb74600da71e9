package dev.dockerlint.fuzz;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.source.SourceText;

/**
 * Prints a parsed Dockerfile back as text, from the tree: the directive section as it was, then each
 * instruction from its range, one after the other. Comments and empty lines between instructions
 * and indentation before them are dropped. Because each instruction is printed from its own range
 * only, a range that misses part of its instruction (a continued line, a heredoc body) or that
 * swallows the next one shows up as a different tree when the output is parsed again.
 */
final class AstPrinter {
  private AstPrinter() {}

  static String print(Dockerfile file) {
    SourceText source = file.source();
    String text = source.text();
    if (file.instructions().isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int firstLine = file.instructions().get(0).range().start().line();
    out.append(text, 0, source.lineStart(firstLine));
    if (firstLine == 1 && text.startsWith("\uFEFF")) {
      out.append('\uFEFF');
    }
    for (Instruction instruction : file.instructions()) {
      out.append(source.slice(instruction.range()));
      int end = source.lineStart(instruction.range().end().line()) + instruction.range().end().column() - 1;
      // the line ending as written (\r\n stays \r\n: an unterminated heredoc body keeps it); none at the
      // end of the file, where a newline would join a heredoc body that runs to the end
      int after = end;
      while (after < text.length() && text.charAt(after) == '\r') {
        after++;
      }
      if (after < text.length() && text.charAt(after) == '\n') {
        after++;
      }
      out.append(text, end, after);
    }
    return out.toString();
  }
}
