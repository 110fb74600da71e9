package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/**
 * A JSON array command ({@code ["nginx", "-g", "daemon off;"]}); each argument's text is the
 * decoded JSON string and its range is the string literal including its quotes.
 */
public record ExecForm(List<Token> arguments, SourceRange range) implements CommandLine {
  public ExecForm {
    arguments = List.copyOf(arguments);
  }
}
