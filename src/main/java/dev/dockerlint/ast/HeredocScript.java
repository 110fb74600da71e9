package dev.dockerlint.ast;

/**
 * A heredoc whose body a shell runs as its script: {@code RUN <<EOF} (the stage's shell, or the
 * shell its {@code #!} line names), {@code RUN bash <<EOF}, {@code RUN <<EOF sh -e},
 * {@code RUN sudo bash -s <<EOF}. A body run by anything else ({@code RUN python3 <<EOF},
 * {@code RUN <<EOF} starting with {@code #!/usr/bin/env node}, {@code RUN cat <<EOF > file}) is
 * not one. See {@link Run#heredocScripts()}.
 *
 * <p>Positions: line k of the body (from 0) is file line {@code heredoc.bodyRange().startLine() + k};
 * columns are the file's, except that in a {@code <<-} body each line's leading tabs were removed
 * (the file line still has them).
 *
 * @param heredoc the heredoc; its body is the script ({@code <<-} tabs already stripped)
 * @param shell the shell that runs it ({@code sh}, {@code bash} ...), or the empty string for the
 *     stage's SHELL ({@code RUN <<EOF} without a {@code #!} line)
 */
public record HeredocScript(Heredoc heredoc, String shell) {}
