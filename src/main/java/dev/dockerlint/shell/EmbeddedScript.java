package dev.dockerlint.shell;

/**
 * A heredoc body that a shell runs as its script ({@code bash <<EOF}, {@code <<EOF sh -e}), found
 * in a text given to {@link ShellParser#parse(String, dev.dockerlint.source.OffsetMap, java.util.List)}.
 *
 * @param shell the shell that reads it ({@code bash}, {@code sh} ...)
 * @param start the offset in the parsed text where the body starts
 * @param end the offset where it ends (exclusive): the start of its terminator line, or the end of
 *     the text when it is unterminated
 */
public record EmbeddedScript(String shell, int start, int end) {}
