package dev.talentgraph.importers.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hashes for sources without ids: the same text always gets the same id, so re-runs MERGE.
 */
public final class Hashes {
  private Hashes() {}

  /** The first 16 hex digits of SHA-256: 64 bits, ample for thousands of documents. */
  public static String short64(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
