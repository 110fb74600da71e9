package dev.dockerlint.shell;

import java.util.function.Function;

/**
 * Expands Dockerfile variables the way BuildKit's shell lexer does for ENV, ARG, LABEL, COPY,
 * WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL and FROM: {@code $V}, {@code ${V}}, {@code ${V:-w}},
 * {@code ${V-w}}, {@code ${V:+w}}, {@code ${V+w}}, {@code ${V:?m}}, {@code ${V?m}}, and the pattern
 * forms {@code ${V#p} ${V##p} ${V%p} ${V%%p} ${V/p/r} ${V//p/r}}. Single quotes are literal,
 * double quotes allow {@code $}, the escape character escapes the next character; quotes are
 * removed. Runs in linear time. Never throws.
 */
public final class VariableExpander {
  private VariableExpander() {}

  /**
   * @param lookup returns a variable's value, or null when it is unset
   */
  public static Expansion expand(String text, char escape, Function<String, String> lookup) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
