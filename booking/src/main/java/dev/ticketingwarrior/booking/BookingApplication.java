package dev.ticketingwarrior.booking;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The booking service: seats, security letter, holds, bookings through SQS into MySQL, results and rank. With the
 * argument {@code migrate} it migrates the schema and exits instead ({@link BookingMigration}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BookingApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(BookingMigration.COMMAND)) {
            System.exit(BookingMigration.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        // the security letter is drawn with java.awt on servers without a display
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(BookingApplication.class, args);
    }
}
