package io.thoughtscope.icons;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/** The rendered icon sizes on the class path, for window icons and installers. */
public final class AppIcons {

    public static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private AppIcons() {
    }

    public static String fileName(int size) {
        return "thoughtscope-" + size + ".png";
    }

    /** The resource of one size, or null if the build did not render it. */
    public static URL resource(int size) {
        return AppIcons.class.getResource(fileName(size));
    }

    /** Every rendered size, smallest first. */
    public static List<URL> all() {
        List<URL> out = new ArrayList<>();
        for (int s : SIZES) {
            URL u = resource(s);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }
}
