/**
 * Mentors: {@code recommendMentors}, the request / accept / end flow of mentorships, {@code
 * Expert.mentors}, {@code Expert.mentees} and the personal {@code Expert.mentorships}.
 */
package dev.talentgraph.mentoring;
