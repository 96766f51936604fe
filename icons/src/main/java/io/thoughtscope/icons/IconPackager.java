package io.thoughtscope.icons;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The installers' icon files, drawn from the one source ({@link IconRenderer}) at build time:
 * {@code thoughtscope.png} (Linux, 512 px), {@code thoughtscope.ico} (Windows) and
 * {@code thoughtscope.icns} (macOS). Both containers hold PNG images, which Windows (since Vista)
 * and macOS (since 10.7) read for every size:
 * <ul>
 *   <li>ICO: a 6-byte header (0, type 1, count), a 16-byte entry per image (width and height, 0
 *       meaning 256; colours 0; planes 1; 32 bits; byte length; offset), then the PNGs; little-endian.</li>
 *   <li>ICNS: {@code 'icns'} and the file length, then per image a type code, its length (the
 *       8-byte header included) and the PNG; big-endian. Types: icp4 16, icp5 32, icp6 64, ic07 128,
 *       ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x), ic12 64 (32@2x), ic13 256 (128@2x),
 *       ic14 512 (256@2x).</li>
 * </ul>
 */
public final class IconPackager {

    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};
    static final Map<String, Integer> ICNS_TYPES = icnsTypes();

    private IconPackager() {
    }

    private static Map<String, Integer> icnsTypes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("icp4", 16);
        m.put("icp5", 32);
        m.put("icp6", 64);
        m.put("ic07", 128);
        m.put("ic08", 256);
        m.put("ic09", 512);
        m.put("ic10", 1024);
        m.put("ic11", 32);
        m.put("ic12", 64);
        m.put("ic13", 256);
        m.put("ic14", 512);
        return m;
    }

    /** An ICO file holding the given sizes as PNG images. */
    public static byte[] ico(int... sizes) throws IOException {
        List<byte[]> pngs = new java.util.ArrayList<>();
        for (int s : sizes) {
            if (s < 1 || s > 256) {
                throw new IllegalArgumentException("an ICO image is 1 to 256 pixels, not " + s);
            }
            pngs.add(png(s));
        }
        int offset = 6 + 16 * sizes.length;
        int total = offset + pngs.stream().mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            int s = sizes[i];
            b.put((byte) (s == 256 ? 0 : s)).put((byte) (s == 256 ? 0 : s)).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(pngs.get(i).length).putInt(offset);
            offset += pngs.get(i).length;
        }
        for (byte[] p : pngs) {
            b.put(p);
        }
        return b.array();
    }

    /** An ICNS file with every type of {@link #ICNS_TYPES}. */
    public static byte[] icns() throws IOException {
        Map<Integer, byte[]> bySize = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Integer> e : ICNS_TYPES.entrySet()) {
            byte[] p = bySize.computeIfAbsent(e.getValue(), s -> {
                try {
                    return png(s);
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
            ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            h.put(e.getKey().getBytes(StandardCharsets.US_ASCII)).putInt(8 + p.length);
            body.write(h.array());
            body.write(p);
        }
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        head.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(8 + body.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        body.writeTo(out);
        return out.toByteArray();
    }

    static byte[] png(int size) throws IOException {
        BufferedImage img = IconRenderer.render(size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Writes thoughtscope.png, .ico and .icns into the folder. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: IconPackager OUTPUT_FOLDER");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Files.write(out.resolve("thoughtscope.png"), png(512));
        Files.write(out.resolve("thoughtscope.ico"), ico(ICO_SIZES));
        Files.write(out.resolve("thoughtscope.icns"), icns());
    }
}
