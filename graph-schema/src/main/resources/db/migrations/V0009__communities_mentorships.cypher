CREATE CONSTRAINT practice_community_id IF NOT EXISTS FOR (n:PracticeCommunity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_run_id IF NOT EXISTS FOR (n:CommunityRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mentorship_id IF NOT EXISTS FOR (n:Mentorship) REQUIRE n.id IS UNIQUE;
