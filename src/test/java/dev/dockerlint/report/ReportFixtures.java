package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-made reports for the reporter tests. Plain Java only (no JUnit, no Jackson): the text
 * start-up test loads this class in a class loader that cannot see Jackson.
 */
final class ReportFixtures {
  static final String TOOL = "dockerlint";
  static final String VERSION = "0.1.0";
  static final String HOME = "https://github.com/dockerlint/dockerlint";

  static final String MAIN_PATH = "Dockerfile";
  static final String API_PATH = "services/api gateway/Dockerfile";
  static final String MISSING_PATH = "missing/Dockerfile";
  /** The configs the sample run used: one per linted file. */
  static final List<String> CONFIGS = List.of(".dockerlint.yaml", "services/api gateway/.dockerlint.yaml");

  /** Line 5 starts with a tab and has one inside; line 6 has é, a whale (two UTF-16 units) and CJK. */
  static final String MAIN_TEXT = ""
      + "# syntax=docker/dockerfile:1\n"
      + "FROM node:latest\n"
      + "RUN apt-get update && \\\n"
      + "    apt-get install -y curl\n"
      + "\tRUN\tcurl -fsSL https://example.com/install.sh | sh\n"
      + "LABEL description=\"Caf\u00e9 \uD83D\uDC33 \u65E5\u672C\" maintainer=me\n"
      + "USER root\n";

  static final String API_TEXT = ""
      + "FROM alpine:3.20\r\n"
      + "EXPOSE 99999\r\n"
      + "EXPOSE 99999\r\n";

  static final List<RuleInfo> RULES = List.of(
      RuleInfo.of("apt-no-install-recommends", Severity.INFO,
          "apt-get install without --no-install-recommends", "DL3015"),
      RuleInfo.of("curl-pipe-shell", Severity.ERROR, "Script downloaded and piped straight into a shell")
          .withTags("security", "supply-chain").security(8.0),
      RuleInfo.of("expose-port-range", Severity.ERROR, "EXPOSE port outside 0-65535", "DL3011"),
      RuleInfo.of("image-latest", Severity.WARNING, "Base image uses the mutable 'latest' tag", "DL3007"),
      RuleInfo.of("label-maintainer", Severity.STYLE, "Free-form maintainer label instead of the OCI key"),
      RuleInfo.of("user-root", Severity.WARNING, "Last USER is root", "DL3002").security(5.5),
      RuleInfo.of("workdir-absolute", Severity.ERROR, "WORKDIR path is relative", "DL3000").offByDefault());

  static final Map<String, String> DOCS = Map.of(
      "image-latest", ""
          + "# image-latest\n"
          + "\n"
          + "Base image uses the mutable 'latest' tag.\n"
          + "\n"
          + "## Why\n"
          + "\n"
          + "The 'latest' tag moves whenever a new image is pushed, so the same Dockerfile\n"
          + "builds different images over time.\n"
          + "\n"
          + "It also hides which version is running.\n"
          + "\n"
          + "## Bad\n"
          + "\n"
          + "```dockerfile\n"
          + "FROM node:latest\n"
          + "```\n"
          + "\n"
          + "## Good\n"
          + "\n"
          + "```dockerfile\n"
          + "FROM node:20.15-alpine\n"
          + "```\n",
      "curl-pipe-shell", ""
          + "# curl-pipe-shell\n"
          + "\n"
          + "Script downloaded and piped straight into a shell.\n"
          + "\n"
          + "## Bad\n"
          + "\n"
          + "```dockerfile\n"
          + "RUN curl -fsSL https://example.com/install.sh | sh\n"
          + "```\n");

  private ReportFixtures() {}

  /** Two linted files with a config each, one unreadable file, every severity, a pseudo rule. */
  static Report sample() {
    return sample(MAIN_TEXT, 0);
  }

  /** The sample with {@code shift} lines inserted at the top of the main file. */
  static Report sample(String mainText, int shift) {
    List<Finding> main = new ArrayList<>();
    main.add(finding(MAIN_PATH, "image-latest", Severity.WARNING,
        "Image 'node:latest' uses the mutable 'latest' tag; pin a version such as node:20.15-alpine",
        SourceRange.of(2 + shift, 6, 2 + shift, 17), "DL3007"));
    main.add(finding(MAIN_PATH, "apt-no-install-recommends", Severity.INFO,
        "apt-get install without --no-install-recommends pulls in extra packages; add the flag",
        SourceRange.of(3 + shift, 5, 4 + shift, 28), "DL3015"));
    main.add(finding(MAIN_PATH, "curl-pipe-shell", Severity.ERROR,
        "Script from 'https://example.com/install.sh' is piped into 'sh'; download, verify, then run it",
        SourceRange.of(5 + shift, 6, 5 + shift, 52)));
    main.add(finding(MAIN_PATH, "label-maintainer", Severity.STYLE,
        "Label 'maintainer' is free-form; use org.opencontainers.image.authors",
        SourceRange.of(6 + shift, 32, 6 + shift, 42)));
    main.add(finding(MAIN_PATH, "user-root", Severity.WARNING,
        "The image runs as 'root'; add a USER with an unprivileged account",
        SourceRange.of(7 + shift, 6, 7 + shift, 10), "DL3002"));

    List<Finding> api = new ArrayList<>();
    api.add(finding(API_PATH, "expose-port-range", Severity.ERROR,
        "Port '99999' is outside 0-65535", SourceRange.of(3, 8, 3, 13), "DL3011"));
    api.add(finding(API_PATH, "expose-port-range", Severity.ERROR,
        "Port '99999' is outside 0-65535", SourceRange.of(2, 8, 2, 13), "DL3011"));
    api.add(finding(API_PATH, "internal-error", Severity.ERROR,
        "Rule 'image-digest' failed (NullPointerException); please report this with the Dockerfile",
        SourceRange.of(1, 1, 1, 1)));

    return new Report(TOOL, VERSION, HOME, List.of(
        new FileResult(MAIN_PATH, new SourceText(mainText), main, null),
        new FileResult(MISSING_PATH, null, List.of(), "cannot read file: No such file or directory"),
        new FileResult(API_PATH, new SourceText(API_TEXT), api, null)),
        RULES, id -> Optional.ofNullable(DOCS.get(id)), CONFIGS);
  }

  /** One clean file: no findings, no errors. */
  static Report clean() {
    return new Report(TOOL, VERSION, HOME,
        List.of(new FileResult(MAIN_PATH, new SourceText("FROM alpine:3.20\n"), List.of(), null)),
        RULES, id -> Optional.empty());
  }

  static Finding finding(String file, String rule, Severity severity, String message, SourceRange range,
      String... aliases) {
    return new Finding(file, rule, severity, message, range, List.of(aliases));
  }
}
