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

class CheckstyleReporterTest {
  static final String HOSTILE = "Value <&>\"' and \u0001 control\ton\ntwo lines";

  private static String render(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new CheckstyleReporter().write(report, out);
    return out.toString();
  }

  @Test
  void sampleIsWellFormedWithOneFileElementPerInput() throws IOException {
    String xml = render(ReportFixtures.sample());
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    Document doc = XmlDocs.parse(xml);
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("checkstyle");
    List<Element> files = XmlDocs.elements(doc, "file");
    assertThat(files).extracting(f -> f.getAttribute("name"))
        .containsExactly("Dockerfile", "missing/Dockerfile", "services/api gateway/Dockerfile");
    assertThat(XmlDocs.children(files.get(0), "error")).hasSize(5);
    assertThat(XmlDocs.children(files.get(2), "error")).hasSize(3);

    Element first = XmlDocs.children(files.get(0), "error").get(0);
    assertThat(first.getAttribute("line")).isEqualTo("2");
    assertThat(first.getAttribute("column")).isEqualTo("6");
    assertThat(first.getAttribute("severity")).isEqualTo("warning");
    assertThat(first.getAttribute("source")).isEqualTo("dockerlint.image-latest");
    assertThat(first.getAttribute("message")).startsWith("Image 'node:latest' uses");

    Element io = XmlDocs.children(files.get(1), "error").get(0);
    assertThat(io.getAttribute("source")).isEqualTo("dockerlint.io-error");
    assertThat(io.getAttribute("severity")).isEqualTo("error");
    assertThat(io.getAttribute("message")).isEqualTo("cannot read file: No such file or directory");
    for (Element error : XmlDocs.elements(doc, "error")) {
      assertThat(error.getAttribute("severity")).isIn("error", "warning", "info");
    }
  }

  @Test
  void fileWithoutFindingsIsListed() throws IOException {
    Document doc = XmlDocs.parse(render(ReportFixtures.clean()));
    List<Element> files = XmlDocs.elements(doc, "file");
    assertThat(files).hasSize(1);
    assertThat(XmlDocs.children(files.get(0), "error")).isEmpty();
  }

  @Test
  void escapesHostileMessagesAndPaths() throws IOException {
    String path = "dir \"&<'>\u0002/Dockerfile";
    Report report = new Report("dockerlint", "0.1.0", ReportFixtures.HOME, List.of(
        new FileResult(path, new SourceText("FROM a\n"), List.of(
            ReportFixtures.finding(path, "r<1>", Severity.STYLE, HOSTILE, SourceRange.of(1, 1, 1, 5))), null)),
        List.of(), id -> Optional.empty());
    String xml = render(report);
    assertThat(xml).doesNotContain("\u0001", "\u0002");
    Document doc = XmlDocs.parse(xml);
    assertThat(XmlDocs.elements(doc, "file").get(0).getAttribute("name")).isEqualTo("dir \"&<'>\\x02/Dockerfile");
    Element error = XmlDocs.elements(doc, "error").get(0);
    assertThat(error.getAttribute("message")).isEqualTo("Value <&>\"' and \\x01 control\ton\ntwo lines");
    assertThat(error.getAttribute("source")).isEqualTo("dockerlint.r<1>");
    assertThat(error.getAttribute("severity")).isEqualTo("info");
  }
}
