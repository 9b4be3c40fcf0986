package dev.talentgraph.security;

import java.util.Set;

/**
 * The job openings a MANAGER hires for (see {@link AccessPolicy#mayWorkOnOpening}): those whose
 * {@code HIRES_FOR} team they manage or whose hiring team they are on; of these, the ones they are
 * the hiring manager of (team manager, or {@code ON_HIRING_TEAM {role: hiring_manager}}); and the
 * applications to them.
 */
record HiringScope(Set<String> openings, Set<String> hiringManagerOf, Set<String> applications) {
  public static final HiringScope NONE = new HiringScope(Set.of(), Set.of(), Set.of());

  public HiringScope {
    openings = Set.copyOf(openings);
    hiringManagerOf = Set.copyOf(hiringManagerOf);
    applications = Set.copyOf(applications);
  }
}
