/**
 * The taxonomy in several languages: {@code Skill.label(lang:)} (the label and synonyms in the
 * asked language, falling back to English and saying so) and the request language taken from {@code
 * Accept-Language}. Storage and search are described in ADR 0015.
 */
package dev.talentgraph.i18n;
