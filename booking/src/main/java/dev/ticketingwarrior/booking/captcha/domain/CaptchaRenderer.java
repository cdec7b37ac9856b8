package dev.ticketingwarrior.booking.captcha.domain;

import static dev.ticketingwarrior.shared.letter.LoadTestLetters.ALPHABET;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;

/**
 * Draws a security letter server-side (java.awt, headless): each character in its own font, size, rotation and
 * baseline, over noise lines and dots, as a PNG data URL. The text comes from an alphabet without look-alikes
 * ({@link dev.ticketingwarrior.shared.letter.LoadTestLetters#ALPHABET}, shared with load tools).
 */
public final class CaptchaRenderer {

    private static final int WIDTH = 200;
    private static final int HEIGHT = 70;
    private static final String[] FONTS = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED};

    private final RandomGenerator random;

    public CaptchaRenderer() {
        this(new SecureRandom());
    }

    CaptchaRenderer(RandomGenerator random) {
        this.random = random;
    }

    public String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** The letter as {@code data:image/png;base64,...}. */
    public String render(String text) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(240 + random.nextInt(16), 240 + random.nextInt(16), 235 + random.nextInt(21)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 140; i++) {
                g.setColor(randomColor(120, 220));
                g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 2, 2);
            }
            int step = (WIDTH - 20) / Math.max(1, text.length());
            for (int i = 0; i < text.length(); i++) {
                Font font = new Font(FONTS[random.nextInt(FONTS.length)], Font.BOLD, 30 + random.nextInt(10));
                AffineTransform transform = new AffineTransform();
                transform.rotate(Math.toRadians(random.nextInt(50) - 25));
                transform.shear((random.nextDouble() - 0.5) * 0.5, 0);
                g.setFont(font.deriveFont(transform));
                g.setColor(randomColor(10, 110));
                int x = 12 + i * step + random.nextInt(6);
                int y = 42 + random.nextInt(16);
                g.drawString(String.valueOf(text.charAt(i)), x, y);
            }
            for (int i = 0; i < 6; i++) {
                g.setStroke(new BasicStroke(1f + random.nextFloat() * 1.5f));
                g.setColor(randomColor(40, 160));
                int x1 = random.nextInt(WIDTH / 3);
                int x2 = WIDTH - random.nextInt(WIDTH / 3);
                g.drawLine(x1, random.nextInt(HEIGHT), x2, random.nextInt(HEIGHT));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private Color randomColor(int from, int to) {
        return new Color(
                from + random.nextInt(to - from), from + random.nextInt(to - from), from + random.nextInt(to - from));
    }
}
