package dev.talentgraph.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what: the whole policy in one class, so that a reviewer reads it in one place.
 *
 * <ul>
 *   <li>ADMIN: everything.
 *   <li>HR: recruiting and people data, including everyone's personal fields; people mutations.
 *   <li>MANAGER: personal fields of the people in the teams they manage; projects; their people's
 *       skills.
 *   <li>ANALYST: the public graph and the guarded Cypher endpoint; no personal field of anyone.
 *   <li>EMPLOYEE: the public graph, their own personal fields, their own skills.
 *   <li>PORTAL: the public knowledge-sharing view (names, skills, publications); nothing personal,
 *       no writes.
 * </ul>
 */
public final class AccessPolicy {
  private AccessPolicy() {}

  public static final Set<Role> PEOPLE_ADMINS = EnumSet.of(Role.ADMIN, Role.HR);

  /**
   * Who may ask for the business metrics: ADMIN and HR in full, MANAGER for the teams they manage,
   * ANALYST as aggregates without groups under five people (the scope is decided by the metrics
   * controller).
   */
  public static final Set<Role> METRICS_READERS =
      EnumSet.of(Role.ADMIN, Role.HR, Role.MANAGER, Role.ANALYST);

  /**
   * May this caller read the personal fields of this person? {@code managed} = experts in teams the
   * caller manages.
   */
  public static boolean mayReadPersonal(Principal p, String expertId, Set<String> managed) {
    if (p == null || expertId == null) return false;
    if (p.has(Role.ADMIN) || p.has(Role.HR)) return true;
    if (expertId.equals(p.expertId()) && !p.has(Role.PORTAL)) return true;
    return p.has(Role.MANAGER) && managed != null && managed.contains(expertId);
  }

  /**
   * May this caller export everything held about this person (the data-subject export)? People
   * admins and the person themselves; not their manager, who may read personal fields but not the
   * whole record (applications, reviews, contests).
   */
  public static boolean mayExportPersonal(Principal p, String expertId) {
    if (p == null || expertId == null) return false;
    if (p.has(Role.ADMIN) || p.has(Role.HR)) return true;
    return expertId.equals(p.expertId()) && !p.has(Role.PORTAL);
  }

  /**
   * May this caller change an expert's skills? People admins; managers for their people; a person
   * for themselves.
   */
  public static boolean mayEditSkillsOf(Principal p, String expertId, Set<String> managed) {
    if (p == null) return false;
    if (p.has(Role.ADMIN) || p.has(Role.HR)) return true;
    if (p.has(Role.EMPLOYEE) && expertId != null && expertId.equals(p.expertId())) return true;
    return p.has(Role.MANAGER)
        && managed != null
        && (managed.contains(expertId) || expertId.equals(p.expertId()));
  }

  /**
   * Recruiting: openings, candidates, applications; every application, interview feedback included.
   */
  public static final Set<Role> RECRUITERS = EnumSet.of(Role.ADMIN, Role.HR);

  /** Roles that may reach applications at all (a MANAGER only those of openings they hire for). */
  public static final Set<Role> APPLICATION_READERS = EnumSet.of(Role.ADMIN, Role.HR, Role.MANAGER);

  /**
   * May this caller read, move, assess and interview the applications to this opening? ADMIN and
   * HR; a MANAGER who manages the opening's {@code HIRES_FOR} team or is on its hiring team.
   * PORTAL, ANALYST and EMPLOYEE never: applications are personal to the applicant.
   */
  public static boolean mayWorkOnOpening(Principal p, String openingId, HiringScope scope) {
    if (p == null) return false;
    if (hasAny(p, RECRUITERS)) return true;
    return p.has(Role.MANAGER)
        && scope != null
        && openingId != null
        && scope.openings().contains(openingId);
  }

  /** {@link #mayWorkOnOpening} for the opening of this application. */
  public static boolean mayWorkOnApplication(Principal p, String applicationId, HiringScope scope) {
    if (p == null) return false;
    if (hasAny(p, RECRUITERS)) return true;
    return p.has(Role.MANAGER)
        && scope != null
        && applicationId != null
        && scope.applications().contains(applicationId);
  }

  /**
   * May this caller read an interview's written feedback? ADMIN, HR, the interviewer themselves and
   * the opening's hiring manager (the manager of its HIRES_FOR team, or ON_HIRING_TEAM as
   * hiring_manager).
   */
  public static boolean mayReadFeedback(
      Principal p, String interviewerId, String openingId, HiringScope scope) {
    if (p == null) return false;
    if (hasAny(p, RECRUITERS)) return true;
    if (p.has(Role.PORTAL)) return false;
    if (interviewerId != null && interviewerId.equals(p.expertId())) return true;
    return p.has(Role.MANAGER)
        && scope != null
        && openingId != null
        && scope.hiringManagerOf().contains(openingId);
  }

  /**
   * May this caller contest a fact about this person? People admins; the person themselves (not
   * through a PORTAL login).
   */
  public static boolean mayContest(Principal p, String expertId) {
    if (p == null || expertId == null) return false;
    if (p.has(Role.ADMIN) || p.has(Role.HR)) return true;
    return expertId.equals(p.expertId()) && !p.has(Role.PORTAL);
  }

  /**
   * May this caller resolve a contest of this person? People admins; a manager for the people in
   * their teams, not their own.
   */
  public static boolean mayResolveContest(Principal p, String expertId, Set<String> managed) {
    if (p == null || expertId == null) return false;
    if (p.has(Role.ADMIN) || p.has(Role.HR)) return true;
    return p.has(Role.MANAGER)
        && !expertId.equals(p.expertId())
        && managed != null
        && managed.contains(expertId);
  }

  /**
   * Team formation, key-person risk and departure impact: ADMIN, HR and MANAGER (a MANAGER within
   * the teams they manage, checked by the teams feature). PORTAL, ANALYST and EMPLOYEE never:
   * staffing and attrition are not public knowledge.
   */
  public static final Set<Role> TEAM_PLANNERS = EnumSet.of(Role.ADMIN, Role.HR, Role.MANAGER);

  /**
   * May this caller ask what this person's departure would cost? ADMIN, HR and the manager of a
   * team the person is in; not the person themselves (the answer rests on others' data).
   */
  public static boolean mayAskDepartureImpact(Principal p, String expertId, Set<String> managed) {
    if (p == null || expertId == null) return false;
    if (p.has(Role.ADMIN) || p.has(Role.HR)) return true;
    return p.has(Role.MANAGER)
        && managed != null
        && managed.contains(expertId)
        && !expertId.equals(p.expertId());
  }

  /** Does the caller hold any of these roles? */
  public static boolean hasAny(Principal p, Set<Role> roles) {
    if (p == null) return false;
    for (Role r : roles) {
      if (p.has(r)) return true;
    }
    return false;
  }
}
