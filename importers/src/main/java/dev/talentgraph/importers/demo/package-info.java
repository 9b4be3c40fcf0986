/**
 * The seeded demo graph that {@code talentgraph serve --demo} serves and every README example runs
 * on: people, teams, careers, skills, courses, recruiting and the outcomes the models learn from.
 *
 * <p>Three steps, kept apart so each can be tested on its own: {@link
 * dev.talentgraph.importers.demo.DemoGenerator} turns {@link
 * dev.talentgraph.importers.demo.DemoSettings} into an in-memory {@link
 * dev.talentgraph.importers.demo.DemoData} (pure, deterministic, no database); {@link
 * dev.talentgraph.importers.demo.DemoValidator} checks it as a whole; {@link
 * dev.talentgraph.importers.demo.DemoLoader} writes it over Bolt in batched, idempotent, resumable
 * transactions, encrypting personal data with the caller's {@link
 * dev.talentgraph.schema.FieldCipher}.
 *
 * <p>The generator is the project's own code and reads nothing from {@code ../shared/data}: the
 * demo must run on a fresh clone. Its skill taxonomy is a hand-written outline ({@code
 * skills.txt}); its people, careers and facts come from a small latent model described in {@code
 * docs/demo-graph.md}, so the models trained on the demo have real (synthetic) structure to find
 * and the numbers they report can be traced to the effects that were planted.
 */
package dev.talentgraph.importers.demo;
