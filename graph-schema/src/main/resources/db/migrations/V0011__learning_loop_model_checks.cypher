CREATE CONSTRAINT learning_assignment_id IF NOT EXISTS FOR (n:LearningAssignment) REQUIRE n.id IS UNIQUE;
CREATE INDEX learning_assignment_due IF NOT EXISTS FOR (n:LearningAssignment) ON (n.dueDate);
CREATE CONSTRAINT model_check_id IF NOT EXISTS FOR (n:ModelCheck) REQUIRE n.id IS UNIQUE;
