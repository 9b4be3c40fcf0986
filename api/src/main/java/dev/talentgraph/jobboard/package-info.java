/**
 * The public job board (docs/adr/0016): every open opening as an HTML page with schema.org {@code
 * JobPosting} JSON-LD, in each of its languages, and a feed of them for job boards, served without
 * login at {@code /jobs}. Only the fields listed in {@link dev.talentgraph.jobboard.JobPostings}
 * are read, so nothing internal (hiring team, applications, internal salary bands) can reach a
 * page.
 */
package dev.talentgraph.jobboard;
