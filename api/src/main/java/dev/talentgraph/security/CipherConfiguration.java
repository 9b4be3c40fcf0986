package dev.talentgraph.security;

import dev.talentgraph.db.EmbeddedNeo4jSettings;
import dev.talentgraph.schema.FieldCipher;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The field cipher of the running server (see {@link TinkFieldCipher#resolve}). */
@Configuration(proxyBeanMethods = false)
class CipherConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CipherConfiguration.class);

  @Bean
  FieldCipher fieldCipher(
      EmbeddedNeo4jSettings embedded,
      @Value("${talent.security.encryption.keyset-file:#{null}}") Path keysetFile) {
    String env = System.getenv(TinkFieldCipher.ENV_KEYSET);
    Path dataDir = embedded.enabled() ? embedded.dataDir() : null;
    if ((env == null || env.isBlank())
        && keysetFile == null
        && dataDir == null
        && !embedded.enabled()) {
      log.warn(
          "No encryption keyset configured for a remote database: personal data written now cannot be read"
              + " after a restart. Set {} or talent.security.encryption.keyset-file.",
          TinkFieldCipher.ENV_KEYSET);
    }
    return TinkFieldCipher.resolve(env, keysetFile, dataDir);
  }
}
