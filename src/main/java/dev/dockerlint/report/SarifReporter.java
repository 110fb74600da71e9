package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 with one run, shaped for GitHub code scanning: full rule metadata (descriptions, help,
 * tags, {@code security-severity}), one location per result with a relative URI under
 * {@code %SRCROOT%} and a complete region, and a {@code dockerlint/v1} partial fingerprint that does
 * not depend on line numbers; a finding that a fix repairs carries it as SARIF {@code fixes}
 * ({@link FixJson#writeSarif}). Findings whose rule is not in the catalog (such as
 * {@code internal-error}) get a rule descriptor appended after the catalog. No timestamps or
 * machine-specific paths, so the same report always gives the same bytes.
 */
public final class SarifReporter implements Reporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  static final String FINGERPRINT_KEY = "dockerlint/v1";

  /** Descriptions for findings the linter reports itself rather than through a catalog rule. */
  private static final Map<String, String> PSEUDO_RULES = Map.of(
      "internal-error", "A rule failed while checking the file",
      "syntax-error", "The Dockerfile could not be parsed");

  private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]*)?");
  private static final int MAX_DESCRIPTION = 1024;

  private final String baseDir;

  /** Absolute paths under the working directory are made relative to it. */
  public SarifReporter() {
    this(Path.of(""));
  }

  /** Absolute paths under {@code baseDir} are made relative to it; others become file URIs. */
  public SarifReporter(Path baseDir) {
    this.baseDir = forwardSlashes(baseDir.toAbsolutePath().normalize().toString());
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    List<Finding> findings = report.findings();
    List<Descriptor> rules = descriptors(report, findings);
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.putIfAbsent(rules.get(i).info().id(), i);
    }
    List<FileResult> failed = JsonSupport.failedFiles(report);

    JsonSupport.write(out, json -> {
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();

      json.writeObjectFieldStart("tool");
      json.writeObjectFieldStart("driver");
      json.writeStringField("name", report.toolName());
      json.writeStringField("version", report.toolVersion());
      if (SEMVER.matcher(report.toolVersion()).matches()) {
        json.writeStringField("semanticVersion", report.toolVersion());
      }
      json.writeStringField("informationUri", report.informationUri());
      json.writeArrayFieldStart("rules");
      for (Descriptor rule : rules) {
        writeRule(json, rule);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();

      json.writeArrayFieldStart("invocations");
      json.writeStartObject();
      json.writeBooleanField("executionSuccessful", failed.isEmpty());
      if (!failed.isEmpty()) {
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (FileResult file : failed) {
          json.writeStartObject();
          json.writeStringField("level", "error");
          json.writeObjectFieldStart("message");
          json.writeStringField("text", file.path() + ": " + file.error());
          json.writeEndObject();
          json.writeArrayFieldStart("locations");
          json.writeStartObject();
          json.writeObjectFieldStart("physicalLocation");
          writeArtifactLocation(json, file.path());
          json.writeEndObject();
          json.writeEndObject();
          json.writeEndArray();
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndArray();

      json.writeObjectFieldStart("originalUriBaseIds");
      json.writeObjectFieldStart(SRCROOT);
      json.writeObjectFieldStart("description");
      json.writeStringField("text", "The directory dockerlint was run in; result paths are relative to it");
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();

      json.writeArrayFieldStart("results");
      Fingerprints fingerprints = new Fingerprints(report);
      for (Finding finding : findings) {
        String fingerprint = fingerprints.next(finding, artifactUri(finding.file()));
        writeResult(json, finding, ruleIndex.get(finding.rule()), fingerprint);
      }
      json.writeEndArray();

      json.writeStringField("columnKind", "utf16CodeUnits");
      json.writeObjectFieldStart("properties");
      JsonSupport.stringArray(json, "configs", report.configs()); // the config files used, as in the JSON report
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  /** A driver rule: the catalog entry or a made-up one, with its documentation page if any. */
  private record Descriptor(RuleInfo info, Optional<String> doc, String helpUri) {}

  private static List<Descriptor> descriptors(Report report, List<Finding> findings) {
    List<Descriptor> result = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (RuleInfo rule : report.rules()) {
      if (seen.add(rule.id())) {
        result.add(new Descriptor(rule, doc(report, rule.id()), report.helpUri(rule.id())));
      }
    }
    Map<String, Severity> extra = new TreeMap<>();
    for (Finding finding : findings) {
      if (!seen.contains(finding.rule())) {
        extra.putIfAbsent(finding.rule(), finding.severity());
      }
    }
    for (Map.Entry<String, Severity> entry : extra.entrySet()) {
      String id = entry.getKey();
      String summary = PSEUDO_RULES.getOrDefault(id, "Problem reported by " + report.toolName() + " as '" + id + "'");
      Optional<String> doc = doc(report, id);
      RuleInfo info = new RuleInfo(id, entry.getValue(), true, List.of(), summary, List.of(), null);
      result.add(new Descriptor(info, doc, doc.isPresent() ? report.helpUri(id) : null));
    }
    return result;
  }

  private static Optional<String> doc(Report report, String id) {
    Optional<String> doc = report.ruleDoc() == null ? Optional.empty() : report.ruleDoc().apply(id);
    return doc == null ? Optional.empty() : doc.filter(text -> !text.isBlank());
  }

  private static void writeRule(JsonGenerator json, Descriptor rule) throws IOException {
    RuleInfo info = rule.info();
    json.writeStartObject();
    json.writeStringField("id", info.id());
    json.writeStringField("name", pascalCase(info.id()));
    json.writeObjectFieldStart("shortDescription");
    json.writeStringField("text", limit(info.summary()));
    json.writeEndObject();
    json.writeObjectFieldStart("fullDescription");
    json.writeStringField("text", limit(rule.doc().flatMap(SarifReporter::whyParagraph).orElse(info.summary())));
    json.writeEndObject();
    json.writeObjectFieldStart("help");
    if (rule.doc().isPresent()) {
      json.writeStringField("text", rule.doc().get());
      json.writeStringField("markdown", rule.doc().get());
    } else if (rule.helpUri() != null) {
      json.writeStringField("text", info.summary() + "\n\nDocumentation: " + rule.helpUri());
      json.writeStringField("markdown", info.summary() + "\n\n[Documentation](" + rule.helpUri() + ")");
    } else {
      json.writeStringField("text", info.summary());
      json.writeStringField("markdown", info.summary());
    }
    json.writeEndObject();
    if (rule.helpUri() != null) {
      json.writeStringField("helpUri", rule.helpUri());
    }
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(info.severity()));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    Set<String> tags = new LinkedHashSet<>(info.tags());
    if (info.securitySeverity() != null) {
      tags.add("security");
    }
    tags.add("dockerfile");
    JsonSupport.stringArray(json, "tags", tags);
    json.writeStringField("precision", "high");
    json.writeStringField("problem.severity", problemSeverity(info.severity()));
    if (info.securitySeverity() != null) {
      json.writeStringField("security-severity", String.format(Locale.ROOT, "%.1f", info.securitySeverity()));
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private void writeResult(JsonGenerator json, Finding finding, int ruleIndex, String fingerprint) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.rule());
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("level", level(finding.severity()));
    json.writeObjectFieldStart("message");
    json.writeStringField("text", finding.message());
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    writeArtifactLocation(json, finding.file());
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", finding.range().start().line());
    json.writeNumberField("startColumn", finding.range().start().column());
    json.writeNumberField("endLine", finding.range().end().line());
    json.writeNumberField("endColumn", finding.range().end().column());
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT_KEY, fingerprint);
    json.writeEndObject();
    FixJson.writeSarif(json, finding.fix(), new FixJson.Location() {
      @Override
      public void write(JsonGenerator generator) throws IOException {
        writeArtifactLocation(generator, finding.file());
      }
    });
    json.writeEndObject();
  }

  private void writeArtifactLocation(JsonGenerator json, String path) throws IOException {
    String uri = artifactUri(path);
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", uri);
    if (!uri.startsWith("file:")) {
      json.writeStringField("uriBaseId", SRCROOT);
    }
    json.writeEndObject();
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "note";
    };
  }

  private static String problemSeverity(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "recommendation";
    };
  }

  /** {@code image-latest} → {@code ImageLatest}. */
  static String pascalCase(String id) {
    StringBuilder name = new StringBuilder(id.length());
    boolean upper = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return name.toString();
  }

  /** The first paragraph under {@code ## Why}, joined onto one line. */
  static Optional<String> whyParagraph(String markdown) {
    String[] lines = markdown.split("\r?\n", -1);
    int i = 0;
    while (i < lines.length && !lines[i].strip().equalsIgnoreCase("## Why")) {
      i++;
    }
    i++;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    List<String> paragraph = new ArrayList<>();
    while (i < lines.length && !lines[i].isBlank() && !lines[i].startsWith("#") && !lines[i].startsWith("```")) {
      paragraph.add(lines[i].strip());
      i++;
    }
    return paragraph.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", paragraph));
  }

  private static String limit(String text) {
    if (text.length() <= MAX_DESCRIPTION) {
      return text;
    }
    int end = MAX_DESCRIPTION - 1;
    if (Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  /**
   * The path as a URI reference: forward slashes, {@code .} and {@code ..} resolved where possible,
   * relative to the base directory when under it, percent-encoded (UTF-8). Absolute paths elsewhere
   * become {@code file://} URIs.
   */
  String artifactUri(String path) {
    String p = forwardSlashes(path);
    boolean windowsDrive = java.io.File.separatorChar == '\\' && p.length() >= 3 && Character.isLetter(p.charAt(0))
        && p.charAt(1) == ':' && p.charAt(2) == '/';
    if (p.startsWith("/") || windowsDrive) {
      String normal = normalize(p);
      String base = normalize(baseDir);
      String prefix = base.endsWith("/") ? base : base + "/";
      if (normal.startsWith(prefix) && normal.length() > prefix.length()) {
        return encode(normal.substring(prefix.length()));
      }
      return windowsDrive
          ? "file:///" + normal.substring(0, 2) + encode(normal.substring(2))
          : "file://" + encode(normal);
    }
    String normal = normalize(p);
    return encode(normal.isEmpty() ? "." : normal);
  }

  static String forwardSlashes(String path) {
    return java.io.File.separatorChar == '\\' ? path.replace('\\', '/') : path;
  }

  /** Resolves {@code .} and {@code ..} segments and repeated slashes, keeping a leading slash. */
  static String normalize(String path) {
    boolean absolute = path.startsWith("/");
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..") && !segments.isEmpty() && !segments.peekLast().equals("..")) {
        segments.removeLast();
      } else if (!(segment.equals("..") && absolute)) {
        segments.addLast(segment);
      }
    }
    return (absolute ? "/" : "") + String.join("/", segments);
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters, sub-delims, '@' and '/'. */
  static String encode(String path) {
    StringBuilder uri = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
      if (keep) {
        uri.append((char) c);
      } else {
        uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return uri.toString();
  }
}
