package dev.talentgraph.security;

/**
 * A GraphQL source object that belongs to the hiring for one job opening (the opening itself, an
 * application, an interview), so the recruiting rules of {@link AccessPolicy} can be checked on it.
 */
public interface HiringScoped {
  String openingId();

  /** The application it belongs to, or null for an opening. */
  default String applicationId() {
    return null;
  }

  /** The person it is about (the applicant), or null for an opening. */
  default String applicantId() {
    return null;
  }

  /** For an interview, the interviewer's expert id. */
  default String interviewerId() {
    return null;
  }
}
