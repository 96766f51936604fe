package io.thoughtscope.app.i18n;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The app's texts in English and Simplified Chinese, from resource bundles. The language can be
 * switched while the app runs: labels bound with {@link #bind} follow it.
 */
public final class Messages {

    private static final String BUNDLE = "io.thoughtscope.app.i18n.messages";

    /** The languages the app speaks. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private ResourceBundle bundle;

    public Messages(Locale initial) {
        locale.addListener((_, _, l) -> bundle = load(l));
        locale.set(supported(initial));
    }

    /** The language for a settings value: a tag, or empty for the system's (Chinese systems get Chinese). */
    public static Locale forSetting(String tag) {
        if (tag == null || tag.isBlank()) {
            return supported(Locale.getDefault());
        }
        return supported(Locale.forLanguageTag(tag));
    }

    static Locale supported(Locale l) {
        return l != null && "zh".equals(l.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    private static ResourceBundle load(Locale l) {
        // no fallback to the JVM's default locale: English is the base bundle
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        locale.set(supported(l));
    }

    /** The text for a key, with {0}-style arguments filled in; a missing key shows as itself. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }

    /** A binding that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }
}
