package dev.dockerlint.shell;

import dev.dockerlint.source.SourceRange;

/**
 * Something the parser noticed in a script besides its commands: a point where the script does
 * not parse, or a construct POSIX sh does not define (bash, ksh, zsh and, for some of them,
 * busybox accept it; dash does not).
 *
 * @param detail for a parse error its message ({@code unterminated double quote}); otherwise the
 *     construct in short, fit to quote in a message: {@code <<<}, {@code function},
 *     {@code pkgs=(...)}, {@code ${pkgs[...]}}, {@code {a,b}} (at most 40 characters), {@code $'...'}
 * @param range where it is: for a parse error the one character where the parser gave up or the
 *     construct that was left open; otherwise the construct
 */
public record ShellNote(Kind kind, String detail, SourceRange range) {
  public enum Kind {
    /** The script does not parse here. */
    PARSE_ERROR,
    /** {@code cat <<< "$x"} */
    HERE_STRING,
    /** {@code cmd &> file}, {@code cmd &>> file} */
    AMPERSAND_REDIRECT,
    /** {@code function name { ...; }} */
    FUNCTION_KEYWORD,
    /** {@code name=(a b c)} */
    ARRAY,
    /** {@code ${name[0]}}, {@code ${name[@]}} */
    ARRAY_REFERENCE,
    /** {@code {a,b}}, {@code {1..3}} in an unquoted word */
    BRACE_EXPANSION,
    /** {@code $'\t'} */
    ANSI_C_QUOTE
  }
}
