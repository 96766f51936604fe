package io.thoughtscope.reasoning.model;

/**
 * The numbers a search keeps on a node. NaN means "not scored".
 *
 * @param visits   MCTS visit count
 * @param valueSum sum of backed-up values (mean value = valueSum / visits)
 * @param votes    self-consistency votes for the node's answer group
 * @param reward   the verifier's reward for this node, NaN when unscored
 * @param score    the strategy's ranking score (beam score, best-of-N score), NaN when unscored
 */
public record Scores(int visits, double valueSum, int votes, double reward, double score) {

    public static final Scores NONE = new Scores(0, 0, 0, Double.NaN, Double.NaN);

    public double meanValue() {
        return visits == 0 ? Double.NaN : valueSum / visits;
    }

    public Scores withVisit(double value) {
        return new Scores(visits + 1, valueSum + value, votes, reward, score);
    }

    public Scores withVotes(int v) {
        return new Scores(visits, valueSum, v, reward, score);
    }

    public Scores withReward(double r) {
        return new Scores(visits, valueSum, votes, r, score);
    }

    public Scores withScore(double s) {
        return new Scores(visits, valueSum, votes, reward, s);
    }
}
