package io.thoughtscope.runtime.template;

/** A string builder that stops at the render's string limit instead of exhausting memory. */
final class TextBuilder {

    private final StringBuilder text = new StringBuilder();
    private final RenderBudget budget;

    /** @param budget the render's budget, or null for small internal text such as error messages */
    TextBuilder(RenderBudget budget) {
        this.budget = budget;
    }

    TextBuilder append(String s) {
        if (budget != null && (long) text.length() + s.length() > budget.limits().maxOutputChars()) {
            throw RenderBudget.limit("the template built a string longer than "
                    + budget.limits().maxOutputChars() + " characters");
        }
        text.append(s);
        return this;
    }

    int length() {
        return text.length();
    }

    String build() {
        if (budget != null) {
            budget.charString(text.length());
        }
        return text.toString();
    }
}
