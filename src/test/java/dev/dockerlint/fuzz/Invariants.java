package dev.dockerlint.fuzz;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.report.FileResult;
import dev.dockerlint.report.Report;
import dev.dockerlint.report.Reporters;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.rules.RuleDocs;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What must hold for any input at all, shared by the fuzz targets and the property tests: parsing
 * and linting never throw, every range of the syntax tree and of every finding lies inside the
 * file, and no rule fails.
 */
final class Invariants {
  /** Every rule, the off-by-default ones too. */
  static final Linter LINTER = new Linter(BuiltinRules.all(), new LintSettings(Set.of(),
      BuiltinRules.all().stream().map(r -> r.info().id()).collect(Collectors.toSet()), Map.of(), List.of()));

  private Invariants() {}

  /** Parses and checks every range of the result; throws AssertionError on a broken invariant. */
  static Dockerfile parse(String text) {
    Dockerfile file = DockerfileParser.parse("Dockerfile", text);
    SourceText source = file.source();
    check(file.instructions(), source, "instructions");
    check(file.directives(), source, "directives");
    check(file.comments(), source, "comments");
    check(file.syntaxErrors(), source, "syntaxErrors");
    check(file.emptyContinuations(), source, "emptyContinuations");
    check(file.stages(), source, "stages");
    for (Instruction instruction : file.instructions()) {
      // an instruction's own pieces lie inside its range
      assertInside(instruction.range(), instruction.keyword().range(), "keyword of " + instruction.name());
      instruction.flags().forEach(f -> assertInside(instruction.range(), f.range(), "flag of " + instruction.name()));
    }
    return file;
  }

  /** Lints with every rule; checks that no rule failed and every finding lies inside the file. */
  static List<Finding> lint(Dockerfile file) {
    Linter.Result result = LINTER.check(file, null);
    for (Finding finding : result.findings()) {
      if (finding.rule().equals(Linter.INTERNAL_ERROR)) {
        throw new AssertionError(finding.message());
      }
      assertValid(finding.range(), file.source(), "finding " + finding.rule());
    }
    for (SourceRange redaction : result.redactions()) {
      assertValid(redaction, file.source(), "redaction");
    }
    return result.findings();
  }

  /** Parses, lints and renders the text and JSON reports, as the command line does. */
  static void parseLintAndReport(String text) {
    Dockerfile file = parse(text);
    Linter.Result result = LINTER.check(file, null);
    lint(file);
    FileResult fileResult = new FileResult("Dockerfile", file.source().masked(result.redactions()), result.findings(), null);
    List<Rule> rules = BuiltinRules.all();
    Report report = new Report("dockerlint", "fuzz", "https://example.invalid", List.of(fileResult),
        rules.stream().map(Rule::info).toList(), RuleDocs::page);
    for (String format : List.of("text", "json")) {
      StringWriter out = new StringWriter();
      try {
        Reporters.forFormat(format, false).orElseThrow().write(report, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void check(Object node, SourceText source, String where) {
    if (node == null) {
      return;
    }
    if (node instanceof SourceRange range) {
      assertValid(range, source, where);
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), source, where + "[" + i + "]");
      }
    } else if (node instanceof Optional<?> optional) {
      optional.ifPresent(value -> check(value, source, where));
    } else if (node instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          check(component.getAccessor().invoke(record), source, where + "." + component.getName());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  static void assertValid(SourceRange range, SourceText source, String where) {
    if (range.end().compareTo(range.start()) < 0) {
      throw new AssertionError(where + ": range " + range + " ends before it starts");
    }
    assertValid(range.start(), source, where + " start " + range);
    assertValid(range.end(), source, where + " end " + range);
  }

  private static void assertValid(Position p, SourceText source, String where) {
    if (p.line() < 1 || p.line() > source.lineCount() || p.column() < 1) {
      throw new AssertionError(where + ": " + p + " is outside the file (" + source.lineCount() + " lines)");
    }
    int start = source.lineStart(p.line());
    int rawEnd = p.line() < source.lineCount() ? source.lineStart(p.line() + 1) : source.text().length();
    if (start + p.column() - 1 > rawEnd) {
      throw new AssertionError(where + ": " + p + " is past the end of line " + p.line());
    }
  }

  private static void assertInside(SourceRange outer, SourceRange inner, String where) {
    if (!outer.contains(inner)) {
      throw new AssertionError(where + ": " + inner + " is not inside " + outer);
    }
  }
}
