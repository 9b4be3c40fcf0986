package dev.talentgraph.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import dev.talentgraph.schema.FieldCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * AES-256-GCM field encryption through Google Tink. The keyset comes from {@code
 * TALENT_ENCRYPTION_KEYSET} (Tink JSON), or a keyset file ({@code
 * talent.security.encryption.keyset-file}); for the embedded default it is generated at first start
 * into {@code <data-dir>/.talentgraph/field-keyset.json}, owner-only. The key never enters the
 * graph, so a copy of the store (or the analyst endpoint) shows only ciphertext.
 */
public final class TinkFieldCipher implements FieldCipher {
  public static final String ENV_KEYSET = "TALENT_ENCRYPTION_KEYSET";

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Aead aead;

  private TinkFieldCipher(KeysetHandle handle) {
    try {
      this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unusable encryption keyset: " + e.getMessage(), e);
    }
  }

  /**
   * A fresh random key, for tests and temporary stores (data sealed with it dies with the process).
   */
  public static TinkFieldCipher ephemeral() {
    return new TinkFieldCipher(generate());
  }

  /** From a Tink JSON keyset. */
  public static TinkFieldCipher fromJson(String keysetJson) {
    try {
      return new TinkFieldCipher(
          TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the encryption keyset is not a valid Tink JSON keyset: " + e.getMessage(), e);
    }
  }

  /** From a keyset file, generating it (owner-only) when it does not exist yet. */
  public static TinkFieldCipher fromFile(Path file) {
    try {
      if (Files.exists(file)) return fromJson(Files.readString(file));
      KeysetHandle handle = generate();
      dev.talentgraph.db.SecretFiles.writeNew(
          file, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
      return new TinkFieldCipher(handle);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the encryption keyset " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot serialise the new encryption keyset", e);
    }
  }

  /**
   * The cipher for a process: the environment's keyset wins, then an explicit file, then the
   * store's own keyset file (embedded), else an ephemeral key.
   */
  public static TinkFieldCipher resolve(String envKeyset, Path keysetFile, Path dataDir) {
    if (envKeyset != null && !envKeyset.isBlank()) return fromJson(envKeyset);
    if (keysetFile != null) return fromFile(keysetFile);
    if (dataDir != null)
      return fromFile(dataDir.resolve(".talentgraph").resolve("field-keyset.json"));
    return ephemeral();
  }

  private static KeysetHandle generate() {
    try {
      return KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String encrypt(String plaintext, String associatedData) {
    if (plaintext == null) return null;
    try {
      byte[] ct =
          aead.encrypt(
              plaintext.getBytes(StandardCharsets.UTF_8),
              associatedData.getBytes(StandardCharsets.UTF_8));
      return PREFIX + Base64.getEncoder().encodeToString(ct);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  @Override
  public String decrypt(String ciphertext, String associatedData) {
    if (ciphertext == null) return null;
    if (!ciphertext.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "value is not a TalentGraph ciphertext (" + associatedData + ")");
    }
    try {
      byte[] pt =
          aead.decrypt(
              Base64.getDecoder().decode(ciphertext.substring(PREFIX.length())),
              associatedData.getBytes(StandardCharsets.UTF_8));
      return new String(pt, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt "
              + associatedData
              + ": wrong key, or the value was moved from another field or person",
          e);
    }
  }
}
