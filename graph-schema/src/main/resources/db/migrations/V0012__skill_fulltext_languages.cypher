// The skill full-text index covers the labels and synonyms of every imported language (ADR 0015).
// One index over all languages, with an analyzer that folds accents (standard-folding), so a query
// typed without accents ("aprendizaje automatico") finds the accented label; no stemming, because
// an index has one analyzer and stemming rules differ per language. The name stays skill_names.
DROP INDEX skill_names IF EXISTS;
CREATE FULLTEXT INDEX skill_names IF NOT EXISTS FOR (n:Skill) ON EACH [n.name, n.aliases, n.altLabels_en, n.label_es, n.altLabels_es, n.label_fr, n.altLabels_fr] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
