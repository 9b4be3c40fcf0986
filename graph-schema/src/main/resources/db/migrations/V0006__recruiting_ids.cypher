CREATE CONSTRAINT stage_change_id IF NOT EXISTS FOR (n:StageChange) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT assessment_id IF NOT EXISTS FOR (n:Assessment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interview_id IF NOT EXISTS FOR (n:Interview) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT contest_id IF NOT EXISTS FOR (n:Contest) REQUIRE n.id IS UNIQUE;
CREATE INDEX application_stage IF NOT EXISTS FOR (n:Application) ON (n.stage);
CREATE INDEX job_opening_status IF NOT EXISTS FOR (n:JobOpening) ON (n.status);
