package dev.ticketingwarrior.edge.client;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A setting that names an HTTP header: a field name (RFC 9110 §5.1, a token), or empty for none. */
@Documented
@Pattern(regexp = "[A-Za-z0-9!#$%&'*+.^_`|~-]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface HeaderNameOrEmpty {

    String message() default "must be an HTTP header name or empty";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
