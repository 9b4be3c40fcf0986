package dev.talentgraph.schema.recruiting;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stage transitions of docs/adr/0006, as pure rules (no graph, no Spring):
 *
 * <pre>
 * applied -> screened -> assessment -> interview(1) -> ... -> interview(rounds) -> offer -> hired
 * any non-final stage -> rejected | withdrawn;  hired, rejected, withdrawn are final
 * </pre>
 *
 * A move to {@code interview} from interview round k (k &lt; rounds) is the next round, k + 1.
 */
public final class StageMachine {
  public static final int MIN_ROUNDS = 1;
  public static final int MAX_ROUNDS = 10;
  public static final int DEFAULT_ROUNDS = 2;

  private StageMachine() {}

  /** Where an application is: its stage and, in {@code interview}, its round. */
  public record Position(Stage stage, Integer round) {
    public String describe() {
      return stage == Stage.INTERVIEW && round != null
          ? "INTERVIEW (round " + round + ")"
          : String.valueOf(stage);
    }
  }

  /** The outcome of a requested move: the new position, or why not (with the allowed stages). */
  public record Move(
      Position from, Stage requested, Position to, List<Stage> allowed, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /**
   * The round of an application in {@code interview} without one (older demo graphs) counts as
   * round 1.
   */
  public static Integer round(Stage stage, Integer round) {
    return stage != Stage.INTERVIEW ? null : round == null ? 1 : round;
  }

  /** The stages an application at {@code stage}/{@code round} may move to, in pipeline order. */
  public static List<Stage> allowed(Stage stage, Integer round, int rounds) {
    round = round(stage, round);
    List<Stage> out = new ArrayList<>();
    if (stage == null || stage.isFinal()) return out;
    switch (stage) {
      case APPLIED -> out.add(Stage.SCREENED);
      case SCREENED -> out.add(Stage.ASSESSMENT);
      case ASSESSMENT -> out.add(Stage.INTERVIEW);
      case INTERVIEW -> out.add(round < rounds ? Stage.INTERVIEW : Stage.OFFER);
      case OFFER -> out.add(Stage.HIRED);
      default -> {}
    }
    out.add(Stage.REJECTED);
    out.add(Stage.WITHDRAWN);
    return out;
  }

  /**
   * Checks the move of an application at {@code stage}/{@code round} (opening with {@code rounds})
   * to {@code to}.
   */
  public static Move move(Stage stage, Integer round, int rounds, Stage to) {
    round = round(stage, round);
    Position from = new Position(stage, round);
    List<Stage> allowed = allowed(stage, round, rounds);
    if (to == null) {
      return new Move(
          from,
          null,
          null,
          allowed,
          "cannot move from "
              + from.describe()
              + ": the target stage is missing or unknown; "
              + (allowed.isEmpty()
                  ? from.stage() + " is final, no move is allowed"
                  : "allowed: " + names(allowed)));
    }
    if (!allowed.contains(to)) {
      return new Move(
          from,
          to,
          null,
          allowed,
          "cannot move from "
              + from.describe()
              + " to "
              + to
              + "; "
              + (allowed.isEmpty()
                  ? from.stage() + " is final, no move is allowed"
                  : "allowed: " + names(allowed))
              + reason(stage, round, rounds, to));
    }
    Integer next = null;
    if (to == Stage.INTERVIEW) next = stage == Stage.INTERVIEW ? round + 1 : 1;
    return new Move(from, to, new Position(to, next), allowed, null);
  }

  /** Why a common wrong move is wrong, in the words of the ADR. */
  private static String reason(Stage stage, Integer round, int rounds, Stage to) {
    if (stage != null && stage.isFinal()) return "";
    if (to == Stage.OFFER
        && (stage == Stage.INTERVIEW
            || stage == Stage.ASSESSMENT
            || stage == Stage.SCREENED
            || stage == Stage.APPLIED)) {
      return " (an offer comes only after the last interview round, "
          + rounds
          + " of "
          + rounds
          + ")";
    }
    if (to == Stage.INTERVIEW && stage == Stage.OFFER)
      return " (all " + rounds + " interview rounds are done)";
    if (to.ordinal() > stage.ordinal() + 1 && to != Stage.REJECTED && to != Stage.WITHDRAWN)
      return " (stages cannot be skipped)";
    if (to.ordinal() < stage.ordinal()) return " (stages cannot go back)";
    return "";
  }

  /** The rounds of an opening: absent means {@link #DEFAULT_ROUNDS}. */
  public static int rounds(Integer interviewRounds) {
    return interviewRounds == null ? DEFAULT_ROUNDS : interviewRounds;
  }

  static String names(List<Stage> stages) {
    return stages.stream().map(Stage::name).collect(Collectors.joining(", "));
  }
}
