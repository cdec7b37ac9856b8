package dev.ticketingwarrior.edge.servlet;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole-number parameters in plain decimal, as the API describes them. Spring MVC reads a number as {@code Integer.decode} and {@code valueOf} do:
 * {@code max=0x10} and {@code max=#10} were 16, {@code max=١٢} (Arabic-Indic digits) was 12. ASCII digits with an
 * optional minus sign only; anything else is a 400 invalid-request naming the parameter. An editor, not a converter:
 * the binder falls back to its default number editor, the lenient one, when a conversion fails.
 */
@ControllerAdvice
final class DecimalParameters {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    @InitBinder
    void register(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(long.class, new Decimal(Long::valueOf));
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf));
    }

    /** A plain decimal read by {@code valueOf}, which then refuses what is out of range. */
    private static final class Decimal extends PropertyEditorSupport {

        private final Function<String, Number> valueOf;

        Decimal(Function<String, Number> valueOf) {
            this.valueOf = valueOf;
        }

        @Override
        public void setAsText(String text) {
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("not a decimal whole number: " + text);
            }
            setValue(valueOf.apply(text));
        }
    }
}
