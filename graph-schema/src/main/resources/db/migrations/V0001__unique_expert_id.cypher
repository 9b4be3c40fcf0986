// Every business node has a stable, caller-visible id; MERGE on it makes imports idempotent.
CREATE CONSTRAINT expert_id IF NOT EXISTS FOR (n:Expert) REQUIRE n.id IS UNIQUE;
