/**
 * A Jinja interpreter for the chat templates that model files carry, rendering a conversation into
 * prompt text exactly as Hugging Face's {@code apply_chat_template} would.
 *
 * <ul>
 *   <li>{@link io.thoughtscope.runtime.template.ChatTemplate} compiles a template and renders it;
 *       failures are {@link io.thoughtscope.runtime.template.TemplateException}s with a position.</li>
 *   <li>{@code TemplateLexer} (whitespace control as HF sets it: trim_blocks, lstrip_blocks) →
 *       {@code TemplateParser} (statements) with {@code ExpressionParser} → the {@code Node} /
 *       {@code Expr} tree → {@code Renderer}.</li>
 *   <li>Values follow Python: {@code Values}, {@code Operators}, {@code PythonText} (str and repr),
 *       {@code StringMethods} and {@code CollectionMethods} (the methods templates call on values),
 *       {@code BuiltinFilters}, {@code BuiltinTests}, {@code BuiltinGlobals}, {@code JsonEncoder}.</li>
 *   <li>{@code RenderBudget} enforces {@link io.thoughtscope.runtime.template.TemplateLimits} so a
 *       hostile template can neither hang nor exhaust memory or stack.</li>
 * </ul>
 */
package io.thoughtscope.runtime.template;
