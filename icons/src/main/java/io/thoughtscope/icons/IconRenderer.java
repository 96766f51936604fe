package io.thoughtscope.icons;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one source of Thoughtscope's icon: a reasoning tree with its chosen path lit, seen through
 * a lens. Drawn with Java2D on a 512-unit grid and rendered at every size at build time, so no
 * binary icon is kept in git. Installers derive .ico and .icns from these PNGs.
 */
public final class IconRenderer {

    private static final Color BG_TOP = new Color(0x3B2F8F);
    private static final Color BG_BOTTOM = new Color(0x0E7C86);
    private static final Color EDGE = new Color(255, 255, 255, 150);
    private static final Color NODE = new Color(0xF4F4FA);
    private static final Color PATH = new Color(0xFFC857);

    private IconRenderer() {
    }

    public static BufferedImage render(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            double k = size / 512.0;
            g.scale(k, k);
            boolean small = size < 32;

            g.setPaint(new GradientPaint(0, 0, BG_TOP, 512, 512, BG_BOTTOM));
            g.fill(new RoundRectangle2D.Double(16, 16, 480, 480, 112, 112));

            // tree: root, two children, four grandchildren; the chosen path is root -> right -> right-left
            double[][] nodes = {{256, 104}, {152, 236}, {344, 236}, {96, 372}, {200, 372}, {300, 372}, {400, 372}};
            int[][] edges = {{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 5}, {2, 6}};
            float w = small ? 30f : 16f;
            g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int[] e : edges) {
                boolean chosen = (e[0] == 0 && e[1] == 2) || (e[0] == 2 && e[1] == 5);
                g.setColor(chosen ? PATH : EDGE);
                g.draw(new Line2D.Double(nodes[e[0]][0], nodes[e[0]][1], nodes[e[1]][0], nodes[e[1]][1]));
            }
            for (int i = 0; i < nodes.length; i++) {
                boolean chosen = i == 0 || i == 2 || i == 5;
                double r = small ? 38 : (i == 0 ? 34 : 28);
                g.setColor(chosen ? PATH : NODE);
                g.fill(new Ellipse2D.Double(nodes[i][0] - r, nodes[i][1] - r, 2 * r, 2 * r));
            }

            // the lens over the chosen leaf
            if (!small) {
                g.setColor(new Color(255, 255, 255, 40));
                g.fill(new Ellipse2D.Double(300 - 78, 372 - 78, 156, 156));
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(22f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Ellipse2D.Double(300 - 78, 372 - 78, 156, 156));
                g.setStroke(new BasicStroke(34f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(360, 432, 430, 470));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes every size of {@link AppIcons#SIZES} as {@code thoughtscope-SIZE.png} into the folder. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: IconRenderer OUTPUT_FOLDER");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (int size : AppIcons.SIZES) {
            ImageIO.write(render(size), "png", out.resolve(AppIcons.fileName(size)).toFile());
        }
    }
}
