/**
 * Training recommendation: what an expert should learn next.
 *
 * <p>Product side, over the Neo4j driver: {@link dev.talentgraph.ml.courses.TrainingAdvisor}
 * answers {@code skillGap}, {@code recommendTrainings} and {@code learningPath} with plain records
 * ({@link dev.talentgraph.ml.courses.SkillGap}, {@link dev.talentgraph.ml.courses.Recommendations},
 * {@link dev.talentgraph.ml.courses.LearningPath}) and typed failures ({@link
 * dev.talentgraph.ml.courses.TrainingException}). The learned part is {@link
 * dev.talentgraph.ml.courses.CourseRanker}: a plain Tribuo model plus its {@link
 * dev.talentgraph.ml.courses.CourseFeatures}, trained by {@link
 * dev.talentgraph.ml.courses.CourseRankerTraining} and storable by any model registry.
 *
 * <p>Evaluation side, on files: {@link dev.talentgraph.ml.courses.TrainingsEvaluation} runs the
 * leave-one-out protocol ({@link dev.talentgraph.ml.courses.LeaveOneOutSplit}, {@link
 * dev.talentgraph.ml.courses.RankingMetrics}) on MOOCCube ({@link
 * dev.talentgraph.ml.courses.MoocCubeData}) for popularity, item-kNN, EASE and the same
 * factorization machine and features the product serves ({@link
 * dev.talentgraph.ml.courses.FmRecommender}).
 */
package dev.talentgraph.ml.courses;
