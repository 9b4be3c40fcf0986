/**
 * Local rules on keeping a rejected or withdrawn candidate's personal data: a per-country retention
 * period ({@link RetentionSettings}), and the job that erases what has expired ({@link
 * RetentionService}), daily in {@code serve} and from {@code talentgraph retention run}.
 */
package dev.talentgraph.retention;
