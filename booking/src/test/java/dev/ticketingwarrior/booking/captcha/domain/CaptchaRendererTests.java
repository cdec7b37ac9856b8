package dev.ticketingwarrior.booking.captcha.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.letter.LoadTestLetters;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaptchaRendererTests {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void drawsAPngDataUrl() throws IOException {
        String image = new CaptchaRenderer().render("AC3479");
        assertThat(image).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(image.substring("data:image/png;base64,".length()));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(200);
        assertThat(decoded.getHeight()).isEqualTo(70);
    }

    @Test
    void lettersAvoidLookAlikes() {
        CaptchaRenderer renderer = new CaptchaRenderer();
        for (int i = 0; i < 200; i++) {
            assertThat(renderer.randomText(6))
                    .hasSize(6)
                    .doesNotContainAnyWhitespaces()
                    .matches("[ACEFHJKMNPRTUVWXY3479]+");
        }
        assertThat(LoadTestLetters.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "5", "S", "8", "B", "2", "Z");
    }
}
