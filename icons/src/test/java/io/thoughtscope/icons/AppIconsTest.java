package io.thoughtscope.icons;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

class AppIconsTest {

    @Test
    void buildRendersEverySizeOntoTheClassPath() throws IOException {
        assertThat(AppIcons.all()).hasSize(AppIcons.SIZES.length);
        for (int size : AppIcons.SIZES) {
            URL u = AppIcons.resource(size);
            BufferedImage img = ImageIO.read(u);
            assertThat(img.getWidth()).isEqualTo(size);
            assertThat(img.getHeight()).isEqualTo(size);
        }
    }

    @Test
    void iconHasTransparentCornersAndAnOpaqueLitPath() {
        BufferedImage img = IconRenderer.render(256);
        assertThat(img.getRGB(0, 0) >>> 24).isZero();
        assertThat(img.getRGB(128, 128) >>> 24).isEqualTo(255);
        // the root node, on the chosen path, is drawn in the path colour
        int rgb = img.getRGB(128, 52) & 0xFFFFFF;
        assertThat(rgb).isEqualTo(0xFFC857);
    }
}
