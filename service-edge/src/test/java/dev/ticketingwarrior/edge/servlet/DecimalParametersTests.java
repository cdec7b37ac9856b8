package dev.ticketingwarrior.edge.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.TypeMismatchException;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.web.bind.WebDataBinder;

/** Whole-number parameters in plain decimal, through a binder with a conversion service as Spring MVC's. */
class DecimalParametersTests {

    private final WebDataBinder binder = new WebDataBinder(null);

    DecimalParametersTests() {
        binder.setConversionService(new DefaultFormattingConversionService());
        new DecimalParameters().register(binder);
    }

    @Test
    void readsPlainDecimals() {
        assertThat(binder.convertIfNecessary("16", int.class)).isEqualTo(16);
        assertThat(binder.convertIfNecessary("-5", Integer.class)).isEqualTo(-5);
        assertThat(binder.convertIfNecessary("9000000000", long.class)).isEqualTo(9_000_000_000L);
    }

    @Test
    void refusesWhatJavaSourceWouldRead() {
        for (String text : List.of("0x10", "#10", "١٢", "+5", " 5", "1e3", "99999999999")) {
            assertThatThrownBy(() -> binder.convertIfNecessary(text, int.class))
                    .as(text)
                    .isInstanceOf(TypeMismatchException.class);
        }
    }
}
