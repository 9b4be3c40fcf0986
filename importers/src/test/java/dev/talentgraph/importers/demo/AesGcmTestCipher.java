package dev.talentgraph.importers.demo;

import dev.talentgraph.schema.FieldCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A real AES-256-GCM {@link FieldCipher} on the JDK alone, for tests (the product's cipher is the
 * API's Tink one). Random 96-bit nonces, so equal plain texts give different ciphertexts: exactly
 * the property that makes idempotent re-loads of personal data non-trivial.
 */
final class AesGcmTestCipher implements FieldCipher {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKey key;

  AesGcmTestCipher() {
    try {
      KeyGenerator g = KeyGenerator.getInstance("AES");
      g.init(256);
      key = g.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String encrypt(String plaintext, String associatedData) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String decrypt(String ciphertext, String associatedData) {
    if (!ciphertext.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a sealed value");
    }
    try {
      byte[] all = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot decrypt (wrong key, owner or field)", e);
    }
  }
}
