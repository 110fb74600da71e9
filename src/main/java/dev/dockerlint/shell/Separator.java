package dev.dockerlint.shell;

/** What joins a command to the one after it. */
public enum Separator {
  /** {@code &&} */
  AND,
  /** {@code ||} */
  OR,
  /** {@code |} or {@code |&}: the next command reads this one's output. */
  PIPE,
  /** {@code ;} or a newline */
  SEQUENCE,
  /** {@code &} */
  BACKGROUND,
  /** last command of its list */
  END
}
