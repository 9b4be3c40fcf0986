// Free-text skill search over names and aliases (a list of strings), e.g. for the skill extractor and UI search.
CREATE FULLTEXT INDEX skill_names IF NOT EXISTS FOR (n:Skill) ON EACH [n.name, n.aliases];
