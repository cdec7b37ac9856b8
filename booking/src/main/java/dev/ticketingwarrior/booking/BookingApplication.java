package dev.ticketingwarrior.booking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The booking service: seats, security letter, holds, bookings through SQS into MySQL, results and rank. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BookingApplication {

    public static void main(String[] args) {
        // the security letter is drawn with java.awt on servers without a display
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(BookingApplication.class, args);
    }
}
