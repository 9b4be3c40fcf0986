package dev.talentgraph.schema;

/**
 * Encrypts personal values before they are written to the graph, so that nobody reading the store
 * or the analyst Cypher endpoint sees them in clear (see {@link PersonalFields}). The API supplies
 * an AES-GCM implementation (Tink) keyed from configuration; importers and the demo generator
 * receive it and never write a personal value unencrypted.
 *
 * <p>The associated data binds a ciphertext to its owner and field (e.g. {@code "e0042/email"}), so
 * a value copied onto another node or field does not decrypt.
 */
public interface FieldCipher {
  /** Prefix of every ciphertext, so a reader can tell sealed values from legacy clear text. */
  String PREFIX = "enc:v1:";

  String encrypt(String plaintext, String associatedData);

  String decrypt(String ciphertext, String associatedData);

  /** The associated data for a field of a node: {@code ownerId + "/" + field}. */
  static String aad(String ownerId, String field) {
    return ownerId + "/" + field;
  }
}
