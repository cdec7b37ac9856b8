package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.captcha.domain.CaptchaRenderer;
import dev.ticketingwarrior.booking.captcha.domain.CaptchaService;
import dev.ticketingwarrior.booking.captcha.domain.Captchas;
import dev.ticketingwarrior.booking.captcha.domain.LetterVoice;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The security letter, wired by hand so the domain packages stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class CaptchaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaptchaConfiguration.class);

    @Bean
    CaptchaRenderer captchaRenderer(BookingProperties properties, Environment environment) {
        if (properties.captcha().hasFixedAnswer()) {
            if (environment.matchesProfiles("aws")) {
                throw new IllegalStateException("ticketing.captcha.fixed-answer (TICKETING_CAPTCHA_FIXED_ANSWER) is set"
                        + " under the aws profile: a fixed security letter is for tests only; unset it");
            }
            log.warn("security letter answer is FIXED (tests): never use this in production");
        }
        if (properties.captcha().hasLoadTestKey()) {
            log.warn("security letters are solvable with the load-test key: never set TICKETING_CAPTCHA_LOAD_TEST_KEY"
                    + " in production unless a soak is running");
        }
        return new CaptchaRenderer();
    }

    @Bean(destroyMethod = "stop")
    CaptchaService captchaService(
            Captchas captchas,
            CaptchaRenderer renderer,
            LetterVoice voice,
            RoundRetention retention,
            BookingProperties properties) {
        BookingProperties.Captcha captcha = properties.captcha();
        return new CaptchaService(
                captchas,
                renderer,
                voice,
                retention,
                captcha.ttl(),
                captcha.length(),
                captcha.hasFixedAnswer() ? Optional.of(captcha.fixedAnswer()) : Optional.empty(),
                captcha.hasLoadTestKey() ? Optional.of(captcha.loadTestKey()) : Optional.empty());
    }
}
