package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The order the per-file formats (GitHub, GNU, Checkstyle, JUnit) list files and findings in. */
final class PathOrder {
  private PathOrder() {}

  /**
   * Every file of the report, linted or not, sorted by path (stable for equal paths), each with its
   * findings sorted by {@link Finding#ORDER}.
   */
  static List<FileResult> files(Report report) {
    List<FileResult> files = new ArrayList<>();
    for (FileResult file : report.files()) {
      List<Finding> findings = new ArrayList<>(file.findings());
      findings.sort(Finding.ORDER);
      files.add(new FileResult(file.path(), file.source(), findings, file.error()));
    }
    files.sort(Comparator.comparing(FileResult::path));
    return files;
  }
}
