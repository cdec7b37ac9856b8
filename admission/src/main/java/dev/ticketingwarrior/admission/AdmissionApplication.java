package dev.ticketingwarrior.admission;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The admission service: waiting room, serving counter, signed admission tokens and the ops throttle. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdmissionApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdmissionApplication.class, args);
    }
}
