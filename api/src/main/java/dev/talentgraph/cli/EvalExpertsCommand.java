package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.stackexchange.StackExchangeDump;
import dev.talentgraph.ml.experts.ExpertFindingEvaluation;
import dev.talentgraph.ml.experts.QaPost;
import dev.talentgraph.ml.experts.QaVote;
import dev.talentgraph.ml.experts.QuestionRouter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph eval experts}: question routing on a Stack Exchange dump, read directly (no
 * store needed), chronologically: see {@link ExpertFindingEvaluation}.
 */
@Command(
    name = "experts",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate question routing (whom to ask) on a Stack Exchange dump, chronologically.",
      "The first 30% of questions are history; each later one is ranked with only what came before it.",
      "Prints MRR and Hits@10 with 95% bootstrap intervals for popularity, tags, bm25, tags+bm25 and the learned ranker."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:done", "1:failure", "2:bad usage or input (unreadable dump, ...)"})
class EvalExpertsCommand implements Callable<Integer> {

  @Option(
      names = "--stackexchange",
      paramLabel = "DIR",
      required = true,
      description = "A site's dump folder (Posts.xml, Users.xml, Tags.xml; Votes.xml if present).")
  Path dir;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seeds the ranker's training and the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print method -> {mrr, hits@10, ci} as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    StackExchangeDump dump;
    try {
      dump = StackExchangeDump.read(dir);
    } catch (ImportFailedException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    EvalCollaboratorsCommand.quietTribuo();
    List<QaPost> posts = posts(dump);
    List<QaVote> votes = votes(dump);
    ExpertFindingEvaluation.Result r;
    try {
      r = ExpertFindingEvaluation.run(posts, votes, QuestionRouter.Settings.defaults(seed));
    } catch (IllegalArgumentException e) {
      throw new CliException(dump.site() + ": " + e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    if (json) {
      System.out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(toMap(dump.site(), r)));
    } else {
      System.out.print(table(dump.site(), r));
    }
    return 0;
  }

  /** Questions and answers of the dump, ids and authors as the dump gives them. */
  static List<QaPost> posts(StackExchangeDump dump) {
    List<QaPost> out = new ArrayList<>();
    for (var q : dump.questions())
      out.add(
          QaPost.question(
              id(q.id()), q.created(), user(q.ownerId()), q.title(), q.text(), q.tags()));
    for (var a : dump.answers())
      out.add(
          QaPost.answer(id(a.id()), id(a.parentId()), a.created(), user(a.ownerId()), a.text()));
    return out;
  }

  /**
   * Up and down votes and acceptances of the answers; the dump dates a vote by its day, so it is
   * used from the end of that day on.
   */
  static List<QaVote> votes(StackExchangeDump dump) {
    Set<Long> answers = new HashSet<>();
    for (var a : dump.answers()) answers.add(a.id());
    List<QaVote> out = new ArrayList<>();
    for (var v : dump.votes()) {
      if (v.date() == null || !answers.contains(v.postId())) continue;
      var known = v.date().toLocalDate().plusDays(1).atStartOfDay();
      switch (v.type()) {
        case 1 -> out.add(new QaVote(id(v.postId()), 0, true, known));
        case 2 -> out.add(new QaVote(id(v.postId()), 1, false, known));
        case 3 -> out.add(new QaVote(id(v.postId()), -1, false, known));
        default -> {}
      }
    }
    return out;
  }

  private static String id(Long post) {
    return String.valueOf(post);
  }

  private static String user(Long id) {
    return id == null ? null : "u" + id;
  }

  static Map<String, Object> toMap(String site, ExpertFindingEvaluation.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("site", site);
    m.put("questions", r.questions());
    m.put("history", r.history());
    m.put("evaluated", r.evaluated());
    m.put("unanswered", r.unanswered());
    m.put("seed", r.seed());
    Map<String, Object> methods = new LinkedHashMap<>();
    for (var mr : r.methods()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("mrr", mr.mrr().value());
      x.put("hits@10", mr.hits10().value());
      x.put(
          "ci",
          Map.of(
              "mrr", List.of(mr.mrr().low(), mr.mrr().high()),
              "hits@10", List.of(mr.hits10().low(), mr.hits10().high())));
      methods.put(mr.method(), x);
    }
    m.put("methods", methods);
    var best = r.bestBaseline();
    m.put("bestBaseline", best.method());
    m.put("learnedOverBest", r.method("learned").mrr().value() / best.mrr().value());
    return m;
  }

  static String table(String site, ExpertFindingEvaluation.Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %d questions, first %d history, %d evaluated (%d without an answerer among the candidates left out), seed %d, %d trainings, %.1f s%n",
            site,
            r.questions(),
            r.history(),
            r.evaluated(),
            r.unanswered(),
            r.seed(),
            r.trainings(),
            r.millis() / 1000.0));
    sb.append(
        String.format(
            Locale.ROOT, "%-11s %-24s %-24s%n", "method", "MRR [95% CI]", "Hits@10 [95% CI]"));
    for (var m : r.methods()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-11s %.3f [%.3f, %.3f]    %.3f [%.3f, %.3f]%n",
              m.method(),
              m.mrr().value(),
              m.mrr().low(),
              m.mrr().high(),
              m.hits10().value(),
              m.hits10().low(),
              m.hits10().high()));
    }
    var best = r.bestBaseline();
    sb.append(
        String.format(
            Locale.ROOT,
            "learned / best baseline (%s) MRR: %.2fx%n",
            best.method(),
            r.method("learned").mrr().value() / best.mrr().value()));
    return sb.toString();
  }
}
