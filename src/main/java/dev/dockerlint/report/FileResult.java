package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.source.SourceText;
import java.util.List;
import java.util.Optional;

/**
 * The outcome for one input file.
 *
 * @param path as given on the command line ({@code -} for stdin)
 * @param source the text with the file's secrets masked ({@code Linter.Result.redactions()}), for
 *     code frames and fingerprints; null when the file could not be read, or holds no FROM (a file
 *     named on the command line that is not a Dockerfile: its lines are never shown)
 * @param error a one-line reason when the file could not be linted (I/O, binary), else null
 */
public record FileResult(String path, SourceText source, List<Finding> findings, String error) {
  public FileResult {
    findings = List.copyOf(findings);
  }

  public Optional<String> errorMessage() {
    return Optional.ofNullable(error);
  }
}
