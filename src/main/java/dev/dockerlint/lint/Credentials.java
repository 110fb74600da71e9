package dev.dockerlint.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Credentials in well-known formats (cloud keys, GitHub and Slack tokens, private keys) found in
 * any text: a Dockerfile ({@code secret-literal}) or a compose file. The scan looks for the formats'
 * fixed prefixes in one pass over the text and checks the characters after a prefix by hand, so it
 * runs in linear time whatever the input.
 */
public final class Credentials {
  private Credentials() {}

  /** A format: a fixed prefix, then {@code min..max} characters of a class, then a boundary. */
  private record Format(String prefix, String kind, int min, int max, String extra, boolean upperOnly) {}

  private static final String ALNUM = "";
  private static final List<Format> FORMATS = List.of(
      new Format("AKIA", "AWS access key id", 16, 16, ALNUM, true),
      new Format("ASIA", "AWS temporary access key id", 16, 16, ALNUM, true),
      new Format("ghp_", "GitHub personal access token", 36, 36, ALNUM, false),
      new Format("gho_", "GitHub OAuth token", 36, 36, ALNUM, false),
      new Format("ghu_", "GitHub user-to-server token", 36, 36, ALNUM, false),
      new Format("ghs_", "GitHub server-to-server token", 36, 36, ALNUM, false),
      new Format("ghr_", "GitHub refresh token", 36, 36, ALNUM, false),
      new Format("github_pat_", "GitHub fine-grained token", 82, 82, "_", false),
      new Format("glpat-", "GitLab personal access token", 20, 20, "_-", false),
      new Format("xoxb-", "Slack bot token", 10, 255, "-", false),
      new Format("xoxp-", "Slack user token", 10, 255, "-", false),
      new Format("xoxa-", "Slack app token", 10, 255, "-", false),
      new Format("xoxr-", "Slack refresh token", 10, 255, "-", false),
      new Format("xoxs-", "Slack session token", 10, 255, "-", false),
      new Format("sk_live_", "Stripe live secret key", 24, 255, ALNUM, false),
      new Format("rk_live_", "Stripe live restricted key", 24, 255, ALNUM, false),
      new Format("AIza", "Google API key", 35, 35, "_-", false));

  private static final Format[] FORMAT_ARRAY = FORMATS.toArray(new Format[0]);

  /** For each ASCII character, the indexes of the formats whose prefix starts with it (or null). */
  private static final int[][] FORMATS_BY_FIRST_CHAR = new int[128][];

  static {
    for (int f = 0; f < FORMATS.size(); f++) {
      char first = FORMATS.get(f).prefix().charAt(0);
      int[] before = FORMATS_BY_FIRST_CHAR[first];
      int[] with = before == null ? new int[1] : java.util.Arrays.copyOf(before, before.length + 1);
      with[with.length - 1] = f;
      FORMATS_BY_FIRST_CHAR[first] = with;
    }
  }

  private static final String SLACK_HOOK = "hooks.slack.com/services/";
  private static final String PEM_BEGIN = "-----BEGIN ";
  private static final String PEM_END = "-----END ";
  private static final String PEM_PRIVATE = "PRIVATE KEY-----";

  /** A class, not a lambda: linking lambdas costs start-up time the class-data archive does not save. */
  private static final java.util.Comparator<Found> BY_START = new java.util.Comparator<>() {
    @Override
    public int compare(Found a, Found b) {
      return Integer.compare(a.start(), b.start());
    }
  };

  /** A credential found in a text: where it is, what it is, and a masked form safe to print. */
  public record Found(int start, int end, String kind, String masked) {}

  /** Every credential in {@code text[from, to)}, in order; linear in the length of the text. */
  public static List<Found> scan(String text, int from, int to) {
    List<Found> found = new ArrayList<>();
    // one pass for all the formats, not one search each: a format is tried where the text has the
    // first character of its prefix, and after a match only from the match's end, as a search would
    int[] resumeAt = new int[FORMATS.size()];
    for (int at = from; at < to; at++) {
      char c = text.charAt(at);
      int[] candidates = c < FORMATS_BY_FIRST_CHAR.length ? FORMATS_BY_FIRST_CHAR[c] : null;
      if (candidates == null) {
        continue;
      }
      char next = at + 1 < text.length() ? text.charAt(at + 1) : '\0'; // every prefix is longer than one character
      for (int f : candidates) {
        Format format = FORMAT_ARRAY[f];
        if (next != format.prefix().charAt(1) || at < resumeAt[f] || !text.startsWith(format.prefix(), at)) {
          continue;
        }
        int end = tokenEnd(text, at + format.prefix().length(), to, format);
        if (end >= 0 && !isTokenChar(text, at - 1, format) && !text.startsWith("EXAMPLE", end - 7)) {
          found.add(new Found(at, end, format.kind(), format.prefix() + "****"));
          resumeAt[f] = end;
        }
      }
    }
    scanSlackHooks(text, from, to, found);
    scanPrivateKeys(text, from, to, found);
    found.sort(BY_START);
    return found;
  }

  /** End of a token whose body starts at {@code start}, or -1 when the body does not fit the format. */
  private static int tokenEnd(String text, int start, int to, Format format) {
    int i = start;
    while (i < to && i - start < format.max() && isBodyChar(text.charAt(i), format)) {
      i++;
    }
    int length = i - start;
    if (length < format.min() || (i < to && isBodyChar(text.charAt(i), format))) {
      return -1;
    }
    if (i < to && isTokenChar(text, i, format)) {
      return -1; // part of a longer word
    }
    return i;
  }

  private static boolean isBodyChar(char c, Format format) {
    if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
      return true;
    }
    if (c >= 'a' && c <= 'z') {
      return !format.upperOnly();
    }
    return format.extra().indexOf(c) >= 0;
  }

  /** True when the character at {@code i} would make the match part of a longer identifier. */
  private static boolean isTokenChar(String text, int i, Format format) {
    if (i < 0 || i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' && format.extra().indexOf('_') < 0;
  }

  /** {@code hooks.slack.com/services/T.../B.../secret}. */
  private static void scanSlackHooks(String text, int from, int to, List<Found> found) {
    int at = text.indexOf(SLACK_HOOK, from);
    while (at >= 0 && at < to) {
      int i = at + SLACK_HOOK.length();
      int afterTeam = segment(text, i, to, 'T');
      int afterBot = afterTeam < 0 || afterTeam >= to || text.charAt(afterTeam) != '/' ? -1
          : segment(text, afterTeam + 1, to, 'B');
      int end = -1;
      if (afterBot >= 0 && afterBot < to && text.charAt(afterBot) == '/') {
        int j = afterBot + 1;
        while (j < to && isAlnum(text.charAt(j))) {
          j++;
        }
        end = j - afterBot - 1 >= 8 ? j : -1;
      }
      if (end >= 0) {
        found.add(new Found(at, end, "Slack webhook URL", SLACK_HOOK + "****"));
        at = text.indexOf(SLACK_HOOK, end);
      } else {
        at = text.indexOf(SLACK_HOOK, at + 1);
      }
    }
  }

  /** A segment such as {@code T0123ABCD}: the letter then upper-case letters and digits; returns its end or -1. */
  private static int segment(String text, int start, int to, char letter) {
    if (start >= to || text.charAt(start) != letter) {
      return -1;
    }
    int i = start + 1;
    while (i < to && (Character.isDigit(text.charAt(i)) || text.charAt(i) >= 'A' && text.charAt(i) <= 'Z')) {
      i++;
    }
    return i - start >= 3 ? i : -1;
  }

  /**
   * {@code -----BEGIN ... PRIVATE KEY-----} followed by key material and its END line. A header
   * alone (a grep for it, a check that a file holds one) is not a secret.
   */
  private static void scanPrivateKeys(String text, int from, int to, List<Found> found) {
    int at = text.indexOf(PEM_BEGIN, from);
    while (at >= 0 && at < to) {
      int headerEnd = headerEnd(text, at + PEM_BEGIN.length(), to);
      if (headerEnd < 0) {
        at = text.indexOf(PEM_BEGIN, at + 1);
        continue;
      }
      int end = text.indexOf(PEM_END, headerEnd);
      if (end < 0 || end >= to) {
        return; // no END line anywhere after: no later BEGIN can have one either
      }
      int material = 0;
      for (int i = headerEnd; i < end; i++) {
        char c = text.charAt(i);
        if (isAlnum(c) || c == '+' || c == '/' || c == '=') {
          material++;
        }
      }
      int footerEnd = headerEnd(text, end + PEM_END.length(), to);
      if (material >= 40 && footerEnd >= 0) {
        found.add(new Found(at, footerEnd, "Private key", "-----BEGIN ****"));
        at = text.indexOf(PEM_BEGIN, footerEnd);
      } else {
        at = text.indexOf(PEM_BEGIN, end);
      }
    }
  }

  /** After {@code -----BEGIN }: upper-case words ending in {@code PRIVATE KEY-----} on the same line. */
  private static int headerEnd(String text, int start, int to) {
    int i = start;
    while (i < to && i - start < 40 && (text.charAt(i) >= 'A' && text.charAt(i) <= 'Z' || text.charAt(i) == ' ')) {
      if (text.startsWith(PEM_PRIVATE, i)) {
        return i + PEM_PRIVATE.length() <= to ? i + PEM_PRIVATE.length() : -1;
      }
      i++;
    }
    return -1;
  }

  private static boolean isAlnum(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }
}
