package dev.ticketingwarrior.botrunner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Competing traffic for every round: bots that play the public API like players do (SPEC §6). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BotRunnerApplication {

    public static void main(String[] args) {
        SpringApplication.run(BotRunnerApplication.class, args);
    }
}
