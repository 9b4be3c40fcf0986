package dev.talentgraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.schema.FieldCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkFieldCipherTests {
  @TempDir Path dir;

  @Test
  void roundTripsAndHidesThePlaintext() {
    FieldCipher c = TinkFieldCipher.ephemeral();
    String sealed = c.encrypt("ada@example.org", "e1/email");
    assertThat(sealed).startsWith(FieldCipher.PREFIX).doesNotContain("ada");
    assertThat(c.encrypt("ada@example.org", "e1/email")).as("random nonce").isNotEqualTo(sealed);
    assertThat(c.decrypt(sealed, "e1/email")).isEqualTo("ada@example.org");
  }

  @Test
  void aValueMovedToAnotherPersonOrFieldDoesNotDecrypt() {
    FieldCipher c = TinkFieldCipher.ephemeral();
    String sealed = c.encrypt("120000", "e1/salary");
    assertThatThrownBy(() -> c.decrypt(sealed, "e2/salary")).hasMessageContaining("e2/salary");
    assertThatThrownBy(() -> c.decrypt(sealed, "e1/phone")).hasMessageContaining("e1/phone");
  }

  @Test
  void keysetFileIsCreatedOnceOwnerOnlyAndReused() throws Exception {
    Path file = dir.resolve("k/field-keyset.json");
    String sealed = TinkFieldCipher.fromFile(file).encrypt("x", "a/b");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(TinkFieldCipher.fromFile(file).decrypt(sealed, "a/b")).isEqualTo("x");
    assertThatThrownBy(() -> TinkFieldCipher.ephemeral().decrypt(sealed, "a/b"))
        .hasMessageContaining("wrong key");
  }

  @Test
  void badKeysetIsAClearError() {
    assertThatThrownBy(() -> TinkFieldCipher.fromJson("{not json"))
        .hasMessageContaining("Tink JSON keyset");
  }
}
