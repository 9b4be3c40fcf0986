/**
 * Communities of practice: {@code communities}, {@code community}, {@code Expert.communities} and
 * {@code refreshCommunities} (GDS Leiden over collaboration, co-answer and shared-skill ties; the
 * method and weights are docs/adr/0010-communities-of-practice.md).
 */
package dev.talentgraph.communities;
