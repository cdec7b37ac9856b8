package dev.ticketingwarrior.edge.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class WindowTests {

    private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aBoundWindowOfAtLeastOneRequestAndOneMillisecondIsABudget() {
        Window window = new Window(5, Duration.ofMillis(1));

        assertThat(validator.validate(window)).isEmpty();
        assertThat(window.budget()).isEqualTo(new Budget(5, Duration.ofMillis(1)));
    }

    /** Named when the properties are bound, so start-up fails on the knob, not later in a constructor. */
    @Test
    void aWindowShorterThanAMillisecondOrWithoutARequestIsNamedWhenBound() {
        assertThat(validator.validate(new Window(5, Duration.ofNanos(999_999))))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("window");
        assertThat(validator.validate(new Window(0, Duration.ofSeconds(1))))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("limit");
        assertThat(validator.validate(new Window(1, null)))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("window");
    }

    @Test
    void aWindowMadeInCodeIsCheckedByItsBudget() {
        assertThatThrownBy(() -> new Window(5, Duration.ZERO).budget()).isInstanceOf(IllegalArgumentException.class);
    }
}
