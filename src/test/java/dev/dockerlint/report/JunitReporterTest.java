package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReporterTest {
  private static String render(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new JunitReporter().write(report, out);
    return out.toString();
  }

  @Test
  void sampleHasOneSuitePerFileAndOneCasePerRule() throws IOException {
    Document doc = XmlDocs.parse(render(ReportFixtures.sample()));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("name")).isEqualTo("dockerlint");
    assertThat(root.getAttribute("tests")).isEqualTo("8");
    assertThat(root.getAttribute("failures")).isEqualTo("7");
    assertThat(root.getAttribute("errors")).isEqualTo("1");

    List<Element> suites = XmlDocs.children(root, "testsuite");
    assertThat(suites).extracting(s -> s.getAttribute("name"))
        .containsExactly("Dockerfile", "missing/Dockerfile", "services/api gateway/Dockerfile");
    assertThat(XmlDocs.children(suites.get(0), "testcase")).extracting(c -> c.getAttribute("name")).containsExactly(
        "image-latest", "apt-no-install-recommends", "curl-pipe-shell", "label-maintainer", "user-root");
    for (Element suite : suites) {
      List<Element> cases = XmlDocs.children(suite, "testcase");
      assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
      for (Element testcase : cases) {
        assertThat(testcase.getAttribute("classname")).isEqualTo(suite.getAttribute("name"));
        assertThat(testcase.getAttribute("file")).isEqualTo(suite.getAttribute("name"));
      }
    }

    Element expose = XmlDocs.children(suites.get(2), "testcase").get(1);
    assertThat(expose.getAttribute("name")).isEqualTo("expose-port-range");
    Element failure = XmlDocs.children(expose, "failure").get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("error");
    assertThat(failure.getAttribute("message")).isEqualTo("Port '99999' is outside 0-65535 (and 1 more)");
    assertThat(failure.getTextContent()).isEqualTo("2:8: Port '99999' is outside 0-65535\n"
        + "3:8: Port '99999' is outside 0-65535\n"
        + "help: https://github.com/dockerlint/dockerlint/blob/main/rules/expose-port-range.md\n");
    // a pseudo rule has no help page
    Element internal = XmlDocs.children(suites.get(2), "testcase").get(0);
    assertThat(XmlDocs.children(internal, "failure").get(0).getTextContent()).doesNotContain("help:");

    List<Element> missing = XmlDocs.children(suites.get(1), "testcase");
    assertThat(missing).hasSize(1);
    assertThat(missing.get(0).getAttribute("name")).isEqualTo("dockerlint");
    Element error = XmlDocs.children(missing.get(0), "error").get(0);
    assertThat(error.getAttribute("message")).isEqualTo("cannot read file: No such file or directory");
    assertThat(suites.get(1).getAttribute("errors")).isEqualTo("1");
  }

  @Test
  void cleanFileIsOnePassingTestcase() throws IOException {
    Document doc = XmlDocs.parse(render(ReportFixtures.clean()));
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("1");
    assertThat(root.getAttribute("failures")).isEqualTo("0");
    Element testcase = XmlDocs.elements(doc, "testcase").get(0);
    assertThat(testcase.getAttribute("name")).isEqualTo("dockerlint");
    assertThat(testcase.getChildNodes().getLength()).isZero();
  }

  @Test
  void typeIsTheMostSevereSeverityOfTheRule() throws IOException {
    Report report = new Report("dockerlint", "0.1.0", ReportFixtures.HOME, List.of(
        new FileResult("f", new SourceText("a\nb\n"), List.of(
            ReportFixtures.finding("f", "r", Severity.INFO, "first", SourceRange.of(1, 1, 1, 2)),
            ReportFixtures.finding("f", "r", Severity.WARNING, "second", SourceRange.of(2, 1, 2, 2))), null)),
        List.of(), id -> Optional.empty());
    Element failure = XmlDocs.elements(XmlDocs.parse(render(report)), "failure").get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("warning");
    assertThat(failure.getAttribute("message")).isEqualTo("first (and 1 more)");
  }

  @Test
  void escapesHostileMessagesInAttributesAndText() throws IOException {
    String path = "a&b<c>/\"q\"'s\u0003";
    Report report = new Report("dockerlint", "0.1.0", ReportFixtures.HOME, List.of(
        new FileResult(path, new SourceText("FROM a\n"), List.of(ReportFixtures.finding(path, "r", Severity.ERROR,
            CheckstyleReporterTest.HOSTILE + " ]]> \r end", SourceRange.of(1, 1, 1, 5))), null)),
        List.of(), id -> Optional.empty());
    String xml = render(report);
    assertThat(xml).doesNotContain("\u0001", "\u0003");
    Document doc = XmlDocs.parse(xml);
    String expected = "Value <&>\"' and \\x01 control\ton\ntwo lines ]]> \r end";
    assertThat(XmlDocs.elements(doc, "testsuite").get(0).getAttribute("name")).isEqualTo("a&b<c>/\"q\"'s\\x03");
    Element failure = XmlDocs.elements(doc, "failure").get(0);
    assertThat(failure.getAttribute("message")).isEqualTo(expected);
    assertThat(failure.getTextContent()).isEqualTo("1:1: " + expected + "\n");
    // the message's newline is a reference: no line of the file starts inside a message
    assertThat(xml).contains("control&#9;on&#10;two lines").doesNotContain("\ntwo lines");
  }

  @Test
  void unreadableFileWithMarkupInTheReason() throws IOException {
    Report report = new Report("dockerlint", "0.1.0", ReportFixtures.HOME,
        List.of(new FileResult("x", null, List.of(), "bad <bytes> & \u0000")), List.of(), id -> Optional.empty());
    Element error = XmlDocs.elements(XmlDocs.parse(render(report)), "error").get(0);
    assertThat(error.getAttribute("message")).isEqualTo("bad <bytes> & \\x00");
    assertThat(error.getAttribute("type")).isEqualTo("io-error");
  }
}
