package io.thoughtscope.reasoning.model;

/** A change to a {@link ReasoningTree}, delivered to listeners on the thread that made it. */
public sealed interface TreeEvent {

    Node node();

    /** A node was added (it may already carry text). */
    record NodeAdded(Node node) implements TreeEvent {}

    /** Text, and possibly tokens, were appended to a node. */
    record TextAppended(Node node, int textFrom, int textTo, int tokenFrom, int tokenTo) implements TreeEvent {}

    /** The node's scores changed. */
    record ScoresChanged(Node node, Scores scores) implements TreeEvent {}

    /** The node's status changed. */
    record StatusChanged(Node node, NodeStatus status) implements TreeEvent {}

    /** The node was marked (or unmarked) as part of the chosen path. */
    record ChosenChanged(Node node, boolean chosen) implements TreeEvent {}

    /** The node's answer was set or graded. */
    record AnswerSet(Node node, Answer answer) implements TreeEvent {}
}
