package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.ImportOptions;
import dev.talentgraph.importers.evaluation.ExtractorEvaluation;
import dev.talentgraph.importers.skills.SkillDictionary;
import dev.talentgraph.importers.skills.SkillExtractor;
import dev.talentgraph.schema.i18n.Languages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code talentgraph eval extractor DATASETS}: the skill extractor over the graph's taxonomy on the
 * data sets' resumes, postings and multilingual occupation descriptions; see {@link
 * ExtractorEvaluation}. Needs {@code import esco} and {@code import esco-i18n} in the store.
 */
@Command(
    name = "extractor",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate the skill extractor on the resumes and postings of DATASETS: coverage before and after",
      "the English synonyms of `import esco-i18n`, precision on hand-judged pairs (--judged), and",
      "cross-language agreement (Jaccard of the skills of each occupation's English and other-language",
      "descriptions). Needs `import esco` and `import esco-i18n` in the store."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:done", "1:failure", "2:bad usage or input"})
class EvalExtractorCommand implements Callable<Integer> {
  @Mixin GraphOptions graph;

  @Parameters(index = "0", paramLabel = "DATASETS", description = "The shared data folder.")
  Path datasets;

  @Option(
      names = "--judged",
      paramLabel = "FILE",
      description =
          "Hand judgements, TSV: documentId, skillId, y|n (default: none, precision not measured).")
  Path judgedFile;

  @Option(
      names = "--sample",
      paramLabel = "N",
      description =
          "Instead of evaluating, print N pairs per stratum to judge (TSV), seeded by --seed.")
  Integer sample;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of --sample.")
  long seed;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(datasets.resolve("resumes")))
      throw new CliException(
          datasets + " has no resumes/ folder: give the shared data folder",
          TalentGraphCli.EXIT_USAGE);
    Map<String, Boolean> judged =
        judgedFile == null ? Map.of() : ExtractorEvaluation.judgements(judgedFile);
    try (GraphConnection g = graph.open()) {
      ImportContext ctx =
          new ImportContext(g.driver(), g.database(), ImportOptions.defaults(), null);
      SkillExtractor before =
          new SkillExtractor(SkillDictionary.load(ctx::query, e -> false, Set.of()));
      SkillExtractor after =
          new SkillExtractor(
              SkillDictionary.load(ctx::query, e -> false, Set.of(Languages.ENGLISH)));
      if (sample != null) {
        List<ExtractorEvaluation.Document> docs =
            new java.util.ArrayList<>(ExtractorEvaluation.resumes(datasets, ctx));
        docs.addAll(ExtractorEvaluation.postings(datasets, ctx));
        for (ExtractorEvaluation.Pair p :
            ExtractorEvaluation.sample(docs, before, after, sample, seed)) {
          System.out.println(
              String.join(
                  "\t",
                  p.documentId(),
                  p.skillId(),
                  "?",
                  p.skillName(),
                  p.context().replaceAll("\\s+", " ")));
        }
        return 0;
      }
      SkillExtractor multilingual = new SkillExtractor(SkillDictionary.load(ctx::query));
      ExtractorEvaluation.Report r =
          ExtractorEvaluation.run(
              datasets,
              ctx,
              before,
              after,
              multilingual,
              judged,
              s -> System.err.println("  " + s));
      if (json) {
        System.out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
      } else {
        System.out.print(ExtractorEvaluation.table(r));
      }
    }
    return 0;
  }
}
