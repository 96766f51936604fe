package io.thoughtscope.icons;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ICO and ICNS containers read back entry by entry, each image a PNG of its stated size. */
class IconPackagerTest {

    static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void theIcoDirectoryListsEveryPngAtItsSize() throws IOException {
        byte[] ico = IconPackager.ico(IconPackager.ICO_SIZES);
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort()).isZero();
        assertThat(b.getShort()).isEqualTo((short) 1);
        int count = b.getShort();
        assertThat(count).isEqualTo(IconPackager.ICO_SIZES.length);
        int end = 6 + 16 * count;
        for (int i = 0; i < count; i++) {
            int w = Byte.toUnsignedInt(b.get());
            int h = Byte.toUnsignedInt(b.get());
            b.get();
            b.get();
            assertThat(b.getShort()).isEqualTo((short) 1);
            assertThat(b.getShort()).isEqualTo((short) 32);
            int length = b.getInt();
            int offset = b.getInt();
            assertThat(offset).isEqualTo(end);
            end += length;
            int size = IconPackager.ICO_SIZES[i];
            assertThat(w).isEqualTo(size == 256 ? 0 : size);
            assertThat(h).isEqualTo(w);
            BufferedImage img = decode(Arrays.copyOfRange(ico, offset, offset + length));
            assertThat(img.getWidth()).isEqualTo(size);
            assertThat(img.getHeight()).isEqualTo(size);
        }
        assertThat(end).isEqualTo(ico.length);
    }

    @Test
    void theIcnsHoldsEveryTypeWithItsLengthAndPixelSize() throws IOException {
        byte[] icns = IconPackager.icns();
        ByteBuffer b = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
        byte[] magic = new byte[4];
        b.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(b.getInt()).isEqualTo(icns.length);
        List<String> types = new ArrayList<>();
        while (b.hasRemaining()) {
            byte[] t = new byte[4];
            b.get(t);
            String type = new String(t, StandardCharsets.US_ASCII);
            int length = b.getInt();
            byte[] png = new byte[length - 8];
            b.get(png);
            BufferedImage img = decode(png);
            assertThat(img.getWidth()).as(type).isEqualTo(IconPackager.ICNS_TYPES.get(type));
            types.add(type);
        }
        assertThat(types).containsExactlyElementsOf(IconPackager.ICNS_TYPES.keySet());
    }
}
