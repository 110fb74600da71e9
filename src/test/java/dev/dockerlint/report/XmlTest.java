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
  void textEscapesMarkupAndLineBreaks() {
    assertThat(Xml.text("]]> <x> & \"q\" 'a'\tb\nc\rd")).isEqualTo("]]&gt; &lt;x&gt; &amp; \"q\" 'a'&#9;b&#10;c&#13;d");
  }

  @Test
  void controlCharactersXmlForbidsAreEscapedAsText() {
    assertThat(Xml.attribute("a\u0000b\u0001c\u001bd\u000be")).isEqualTo("a\\x00b\\x01c\\x1bd\\x0be");
    assertThat(Xml.text("\u001b[31m")).isEqualTo("\\x1b[31m");
  }

  @Test
  void controlCharactersXmlAllowsAreCharacterReferences() {
    assertThat(Xml.text("\u0085\u007f\u009b\u2028\u2029")).isEqualTo("&#133;&#127;&#155;&#8232;&#8233;");
    assertThat(Xml.attribute("a\u0085b")).isEqualTo("a&#133;b");
  }

  @Test
  void charactersNoEscapeCanHoldAreReplaced() {
    assertThat(Xml.attribute("a\uFFFEb\uFFFFc")).isEqualTo("a\uFFFDb\uFFFDc");
    assertThat(Xml.text("lone \uD800 and \uDC00")).isEqualTo("lone \uFFFD and \uFFFD");
    assertThat(Xml.text("whale \uD83D\uDC33")).isEqualTo("whale \uD83D\uDC33");
  }
}
