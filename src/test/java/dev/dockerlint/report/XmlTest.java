package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTest {
  @Test
  void attributesEscapeMarkupQuotesAndWhitespace() {
    assertThat(Xml.attribute("<a & b> \"c\" 'd'")).isEqualTo("&lt;a &amp; b&gt; &quot;c&quot; &apos;d&apos;");
    assertThat(Xml.attribute("a\tb\nc\rd")).isEqualTo("a&#9;b&#10;c&#13;d");
  }

  @Test
  void textEscapesMarkupOnly() {
    assertThat(Xml.text("]]> <x> & \"q\" 'a'\tb\nc\rd")).isEqualTo("]]&gt; &lt;x&gt; &amp; \"q\" 'a'\tb\nc&#13;d");
  }

  @Test
  void charactersXmlForbidsAreReplaced() {
    assertThat(Xml.attribute("a\u0000b\u0001c\u001bd\u000be\uFFFEf")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf");
    assertThat(Xml.text("lone \uD800 and \uDC00")).isEqualTo("lone \uFFFD and \uFFFD");
    assertThat(Xml.text("whale \uD83D\uDC33")).isEqualTo("whale \uD83D\uDC33");
    assertThat(Xml.text("\u0085\u007f")).isEqualTo("\u0085\u007f");
  }
}
