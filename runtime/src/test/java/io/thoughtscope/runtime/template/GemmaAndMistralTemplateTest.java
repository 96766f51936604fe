package io.thoughtscope.runtime.template;

import io.thoughtscope.reasoning.spi.ChatMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gemma 2 and Mistral (Nemo, Small 3.1): role checks by raise_exception; sources in {@link RealTemplates}. */
class GemmaAndMistralTemplateTest {

    private static final Map<String, Object> GEMMA_TOKENS = Map.of("bos_token", "<bos>", "eos_token", "<eos>");
    private static final Map<String, Object> MISTRAL_TOKENS = Map.of("bos_token", "<s>", "eos_token", "</s>");

    private final ChatTemplate gemma = RealTemplates.load("gemma-2-2b-it");
    private final ChatTemplate nemo = RealTemplates.load("mistral-nemo-instruct-2407");

    @Test
    void gemmaCallsTheAssistantModelAndTrimsTurns() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("Hi"), ChatMessage.assistant("Hello!"),
                ChatMessage.user("  What is 2+2?  "));

        assertThat(gemma.render(conversation, true, GEMMA_TOKENS)).isEqualTo("<bos>"
                + "<start_of_turn>user\nHi<end_of_turn>\n"
                + "<start_of_turn>model\nHello!<end_of_turn>\n"
                + "<start_of_turn>user\nWhat is 2+2?<end_of_turn>\n"
                + "<start_of_turn>model\n");
    }

    @Test
    void gemmaRefusesASystemMessageWithTheTemplatesOwnWords() {
        List<ChatMessage> conversation = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"));

        assertThatThrownBy(() -> gemma.render(conversation, true, GEMMA_TOKENS))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TemplateException.Kind.RAISED);
                    assertThat(e.reason()).isEqualTo("System role not supported");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("System role not supported");
                });
    }

    @Test
    void gemmaRefusesTurnsThatDoNotAlternate() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("Hi"), ChatMessage.user("Hi again"));

        assertThatThrownBy(() -> gemma.render(conversation, true, GEMMA_TOKENS))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.reason())
                        .isEqualTo("Conversation roles must alternate user/assistant/user/assistant/..."));
    }

    @Test
    void nemoPutsTheSystemMessageIntoTheLastUserTurn() {
        List<ChatMessage> conversation = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"),
                ChatMessage.assistant("Hello!"), ChatMessage.user("2+2?"));

        assertThat(nemo.render(conversation, true, MISTRAL_TOKENS))
                .isEqualTo("<s>[INST]Hi[/INST]Hello!</s>[INST]Be brief.\n\n2+2?[/INST]");
    }

    @Test
    void nemoRefusesTurnsThatDoNotAlternate() {
        assertThatThrownBy(() -> nemo.render(List.of(ChatMessage.user("Hi"), ChatMessage.user("Hi again")), true, MISTRAL_TOKENS))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TemplateException.Kind.RAISED);
                    assertThat(e.reason()).isEqualTo("After the optional system message, conversation roles must "
                            + "alternate user/assistant/user/assistant/...");
                    assertThat(e.line()).isEqualTo(18);
                    assertThat(e.column()).isEqualTo(17);
                });
    }

    @Test
    void mistralSmallWritesItsDefaultSystemPromptWithTodaysDate() {
        Clock march7 = Clock.fixed(Instant.parse("2025-03-07T09:30:00Z"), ZoneOffset.UTC);
        ChatTemplate small = RealTemplates.load("mistral-small-3.1-24b-instruct-2503").withClock(march7);

        // a backslash before a newline inside a Jinja string joins the lines, so "Paris.Your" is right
        assertThat(small.render(List.of(ChatMessage.user("Hi")), true, MISTRAL_TOKENS)).isEqualTo("<s>[SYSTEM_PROMPT]"
                + "You are Mistral Small 3, a Large Language Model (LLM) created by Mistral AI, a French startup "
                + "headquartered in Paris.Your knowledge base was last updated on 2023-10-01. The current date is "
                + "2025-03-07.When you're not sure about some information, you say that you don't have the information "
                + "and don't make up anything.If the user's question is not clear, ambiguous, or does not provide enough "
                + "context for you to accurately answer the question, you do not try to answer it right away and you "
                + "rather ask the user to clarify their request (e.g. \"What are some good restaurants around me?\" => "
                + "\"Where are you?\" or \"When is the next flight to Tokyo\" => \"Where do you travel from?\")"
                + "[/SYSTEM_PROMPT][INST]Hi[/INST]");
    }

    @Test
    void mistralSmallsRoleCheckSeesAnEmptyListBecauseALoopCannotReassignOuterVariables() {
        ChatTemplate small = RealTemplates.load("mistral-small-3.1-24b-instruct-2503");
        List<ChatMessage> conversation = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"),
                ChatMessage.user("Hi again"));

        assertThat(small.render(conversation, true, MISTRAL_TOKENS))
                .isEqualTo("<s>[SYSTEM_PROMPT]Be brief.[/SYSTEM_PROMPT][INST]Hi[/INST][INST]Hi again[/INST]");
    }
}
