package dev.talentgraph.security;

/**
 * A GraphQL source object that belongs to one person, so its {@code @personal} fields can be
 * checked.
 */
public interface PersonalOwner {
  String ownerExpertId();
}
