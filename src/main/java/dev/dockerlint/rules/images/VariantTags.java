package dev.dockerlint.rules.images;

import java.util.Locale;
import java.util.Set;

/**
 * The smaller variant of an official image's tag, as the image's own tag list names it (Docker
 * Official Images, {@code docker-library/official-images}, {@code library/<image>}); null when the
 * image has no such variant for that tag or the tag's shape is not one the image publishes.
 *
 * <table>
 *   <caption>Variants per image</caption>
 *   <tr><th>image</th><th>tag</th><th>smaller variant</th></tr>
 *   <tr><td>python, ruby</td><td>{@code 3.12}, {@code 3.12-bookworm}, {@code bookworm}</td>
 *       <td>{@code 3.12-slim}, {@code 3.12-slim-bookworm}, {@code slim-bookworm}</td></tr>
 *   <tr><td>node</td><td>{@code 22}, {@code 22-bookworm}, {@code lts}, {@code iron-bookworm}</td>
 *       <td>{@code 22-slim}, {@code 22-bookworm-slim}, {@code lts-slim}, {@code iron-bookworm-slim}</td></tr>
 *   <tr><td>perl</td><td>{@code 5.40}, {@code 5.40-threaded-bookworm}, {@code stable}</td>
 *       <td>{@code 5.40-slim}, {@code 5.40-slim-threaded-bookworm}, {@code stable-slim}</td></tr>
 *   <tr><td>php</td><td>{@code 8.3}, {@code 8.3-cli}, {@code 8.3-fpm-bookworm}, {@code 8.3-zts}, {@code 8.3-apache}</td>
 *       <td>{@code 8.3-cli-alpine}, {@code 8.3-fpm-alpine}, {@code 8.3-zts-alpine}; apache: none</td></tr>
 *   <tr><td>eclipse-temurin</td><td>{@code 21}, {@code 21-jdk-jammy}, {@code 21-noble}</td>
 *       <td>{@code 21-jre}, {@code 21-jre-jammy}, {@code 21-jre-noble}</td></tr>
 *   <tr><td>openjdk</td><td>8 and 11: {@code 11-jdk-bullseye}; later: {@code 17}, {@code 17-jdk-bullseye}</td>
 *       <td>{@code 11-jre-bullseye}; {@code 17-slim}, {@code 17-jdk-slim-bullseye}; oracle: none</td></tr>
 * </table>
 *
 * A tag that is {@code latest} or missing gives {@code <version>-slim} (and so on): the variant with
 * the version still to choose.
 */
final class VariantTags {
  private VariantTags() {}

  /** The word for the smaller variant of {@code image:tag}, or null for an image this table does not know. */
  static String variantWord(String image, String tag) {
    return switch (image) {
      case "python", "ruby", "node", "perl" -> "slim";
      case "openjdk" -> majorVersion(tag).equals("8") || majorVersion(tag).equals("11") ? "JRE" : "slim";
      case "php" -> "alpine";
      case "eclipse-temurin" -> "JRE";
      default -> null;
    };
  }

  /** The leading digits of a tag: {@code 8u222-jdk} gives 8. */
  private static String majorVersion(String tag) {
    String t = tag == null ? "" : tag;
    int digits = 0;
    while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
      digits++;
    }
    return t.substring(0, digits);
  }

  /** Debian and Ubuntu release names the images put at the end of a tag. */
  private static final Set<String> SUITES = Set.of("trixie", "bookworm", "bullseye", "buster", "stretch", "jessie",
      "sid", "noble", "jammy", "focal", "bionic");
  private static final Set<String> PHP_VARIANTS = Set.of("cli", "fpm", "zts", "apache");
  private static final Set<String> TEMURIN_OS = Set.of("noble", "jammy", "focal", "ubi9", "ubi8");

  /** The smaller variant's tag for {@code image:tag}, or null. */
  static String smaller(String image, String tag) {
    String t = tag == null ? "" : tag.toLowerCase(Locale.ROOT);
    boolean latest = t.isEmpty() || t.equals("latest");
    return switch (image) {
      case "python", "ruby" -> latest ? "<version>-slim" : slimBeforeSuite(t);
      case "node" -> latest ? "<version>-slim" : nodeSlim(t);
      case "perl" -> latest ? "<version>-slim" : perlSlim(t);
      case "php" -> latest ? "<version>-cli-alpine" : phpAlpine(t);
      case "eclipse-temurin" -> latest ? "<version>-jre" : temurinJre(t);
      case "openjdk" -> latest ? "<version>-slim" : openjdkSmaller(t);
      default -> null;
    };
  }

  /** python, ruby: {@code <version>-slim-<suite>}. */
  private static String slimBeforeSuite(String tag) {
    String[] vs = versionAndSuite(tag);
    if (!vs[0].isEmpty() && !isVersion(vs[0])) {
      return null;
    }
    return join(vs[0], "slim", vs[1]);
  }

  /** node: {@code <version>-<suite>-slim}; the version may be a codename or lts/current. */
  private static String nodeSlim(String tag) {
    String[] vs = versionAndSuite(tag);
    String v = vs[0];
    if (v.startsWith("lts-") && isWord(v.substring(4))) {
      v = v.substring(4); // lts-iron has no slim tag of its own; iron-slim is the same image
    }
    if (!v.isEmpty() && !isVersion(v) && !isWord(v)) {
      return null;
    }
    return join(v, vs[1], "slim");
  }

  /** perl: {@code <version>-slim[-threaded][-<suite>]}; the version may be stable or devel. */
  private static String perlSlim(String tag) {
    String[] vs = versionAndSuite(tag);
    String v = vs[0];
    String threaded = "";
    if (v.equals("threaded") || v.endsWith("-threaded")) {
      threaded = "threaded";
      v = v.equals("threaded") ? "" : v.substring(0, v.length() - "-threaded".length());
    }
    if (!v.isEmpty() && !isVersion(v) && !v.equals("stable") && !v.equals("devel")) {
      return null;
    }
    return join(v, "slim", threaded, vs[1]);
  }

  /** php: {@code <version>-<cli|fpm|zts>-alpine}; apache has no alpine variant. */
  private static String phpAlpine(String tag) {
    String[] vs = versionAndSuite(tag);
    String v = vs[0];
    String variant = "cli";
    int dash = v.lastIndexOf('-');
    String last = dash < 0 ? v : v.substring(dash + 1);
    if (PHP_VARIANTS.contains(last)) {
      variant = last;
      v = dash < 0 ? "" : v.substring(0, dash);
    }
    if (variant.equals("apache") || !v.isEmpty() && !isVersion(v)) {
      return null;
    }
    return join(v, variant, "alpine");
  }

  /** eclipse-temurin: {@code jdk} becomes {@code jre}; without it, {@code -jre} goes after the version. */
  private static String temurinJre(String tag) {
    if (tag.contains("jdk")) {
      return tag.replace("jdk", "jre");
    }
    int dash = tag.indexOf('-');
    String version = dash < 0 ? tag : tag.substring(0, dash);
    String os = dash < 0 ? "" : tag.substring(dash + 1);
    if (!isTemurinVersion(version) || !os.isEmpty() && !TEMURIN_OS.contains(os.split("-")[0])) {
      return null;
    }
    return join(version, "jre", os);
  }

  /** openjdk: JRE tags for 8 and 11 only; later versions have a slim JDK; the oracle builds neither. */
  private static String openjdkSmaller(String tag) {
    if (tag.contains("oracle")) {
      return null;
    }
    String major = majorVersion(tag);
    String[] vs = versionAndSuite(tag);
    if (major.equals("8") || major.equals("11")) {
      return tag.contains("jdk") ? tag.replace("jdk", "jre") : join(vs[0], "jre", vs[1]);
    }
    return vs[0].isEmpty() && vs[1].isEmpty() ? null : join(vs[0], "slim", vs[1]);
  }

  /** {@code 3.12-bookworm} gives {3.12, bookworm}; {@code bookworm} gives {"", bookworm}; {@code 3.12} gives {3.12, ""}. */
  private static String[] versionAndSuite(String tag) {
    if (SUITES.contains(tag)) {
      return new String[] {"", tag};
    }
    int dash = tag.lastIndexOf('-');
    if (dash > 0 && SUITES.contains(tag.substring(dash + 1))) {
      return new String[] {tag.substring(0, dash), tag.substring(dash + 1)};
    }
    return new String[] {tag, ""};
  }

  /** 3, 3.12, 3.12.4, 3.15-rc, 3.15.0a2, 22.4.1. */
  private static boolean isVersion(String v) {
    String s = v.endsWith("-rc") ? v.substring(0, v.length() - 3) : v;
    if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isDigit(c) && c != '.' && c != 'a' && c != 'b' && c != 'r' && c != 'c') {
        return false;
      }
    }
    return true;
  }

  /** 21, 21.0.4_7, 8u412-b08 is split at its dash, so 8u412. */
  private static boolean isTemurinVersion(String v) {
    if (v.isEmpty() || !Character.isDigit(v.charAt(0))) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!Character.isDigit(c) && c != '.' && c != '_' && c != 'u') {
        return false;
      }
    }
    return true;
  }

  /** A codename such as iron, or lts, current. */
  private static boolean isWord(String v) {
    if (v.isEmpty()) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < 'a' || v.charAt(i) > 'z') {
        return false;
      }
    }
    return true;
  }

  /** The non-empty parts joined with dashes. */
  private static String join(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String part : parts) {
      if (!part.isEmpty()) {
        if (b.length() > 0) {
          b.append('-');
        }
        b.append(part);
      }
    }
    return b.toString();
  }
}
