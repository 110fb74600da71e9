package dev.dockerlint.source;

/**
 * One string for the short pieces of text a file repeats ({@code RUN}, {@code apt-get}, {@code -y},
 * {@code &&}'s words...), so a syntax tree holds each once instead of once per occurrence. A large
 * file repeats a handful of words hundreds of thousands of times; each copy costs about 48 bytes (a
 * string and its array), which for {@code RUN echo hello world} was a quarter of the tree.
 *
 * <p>A direct-mapped table of the last string per hash slot, per thread (the parse runs on several
 * threads): no locking, no growth, about 16 KiB a thread, and a miss costs only the substring it
 * would have made anyway. Strings are equal whichever copy a caller gets, so nothing can tell.
 */
public final class StringTable {
  /** Longer pieces rarely repeat, and hashing them costs more than they save. */
  public static final int MAX_LENGTH = 24;
  private static final int SLOTS = 4096;
  private static final ThreadLocal<String[]> TABLE = new ThreadLocal<>() {
    @Override
    protected String[] initialValue() {
      return new String[SLOTS];
    }
  };

  private StringTable() {}

  /** {@code text.substring(from, to)}, or an equal string made before. */
  public static String substring(String text, int from, int to) {
    int length = to - from;
    if (length > MAX_LENGTH || length <= 0) {
      return text.substring(from, to);
    }
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    String[] table = TABLE.get();
    int slot = (hash ^ (hash >>> 12)) & (SLOTS - 1);
    String known = table[slot];
    if (known != null && known.length() == length && text.regionMatches(from, known, 0, length)) {
      return known;
    }
    String made = text.substring(from, to);
    table[slot] = made;
    return made;
  }

  /** {@code value}, or an equal string made before. */
  public static String of(String value) {
    return substring(value, 0, value.length()); // a miss keeps value itself: substring of the whole is the string
  }
}
