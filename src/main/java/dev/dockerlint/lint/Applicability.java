package dev.dockerlint.lint;

/**
 * Whether a fix may be applied without asking (Ruff's terms): {@link #SAFE} keeps the meaning and
 * the build's output apart from the problem it fixes; {@link #UNSAFE} may change behaviour (shell
 * form to exec form, {@code npm install} to {@code npm ci}) and is applied only with
 * {@code --unsafe-fixes}.
 */
public enum Applicability {
  SAFE,
  UNSAFE;

  /** {@code safe} or {@code unsafe}, as pages, reports and the rules list write it. */
  public String label() {
    return this == SAFE ? "safe" : "unsafe";
  }
}
