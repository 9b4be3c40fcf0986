/**
 * Courses and the skills they teach: {@code course}, {@code courses}, {@code Course.teaches} and
 * mutations.
 */
package dev.talentgraph.learning;
