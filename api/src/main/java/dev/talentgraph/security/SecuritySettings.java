package dev.talentgraph.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code talent.security.*}.
 *
 * @param enabled false turns authentication off entirely: only for measuring what security costs
 *     (refused unless the embedded Bolt port is the only way in, see the README); never in production
 * @param users extra local users from configuration, with BCrypt hashes
 * @param tokens API tokens from configuration, given by their SHA-256 (hex)
 */
@ConfigurationProperties("talent.security")
public record SecuritySettings(Boolean enabled, List<ConfiguredUser> users, List<ConfiguredToken> tokens) {
  public SecuritySettings {
    if (enabled == null) enabled = true;
    if (users == null) users = List.of();
    if (tokens == null) tokens = List.of();
  }

  public record ConfiguredUser(String username, String passwordHash, List<String> roles, String expertId) {}

  public record ConfiguredToken(String name, String sha256, String username, List<String> roles, String expertId) {}
}
