// Filters of the GraphQL API: name contains, country, region; skills by name and external URI.
CREATE INDEX expert_name IF NOT EXISTS FOR (n:Expert) ON (n.name);
CREATE INDEX expert_country IF NOT EXISTS FOR (n:Expert) ON (n.country);
CREATE INDEX expert_region IF NOT EXISTS FOR (n:Expert) ON (n.region);
CREATE INDEX skill_name IF NOT EXISTS FOR (n:Skill) ON (n.name);
CREATE INDEX skill_uri IF NOT EXISTS FOR (n:Skill) ON (n.uri);
CREATE INDEX course_title IF NOT EXISTS FOR (n:Course) ON (n.title);
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE INDEX team_name IF NOT EXISTS FOR (n:Team) ON (n.name);
CREATE INDEX occupation_uri IF NOT EXISTS FOR (n:Occupation) ON (n.uri);
