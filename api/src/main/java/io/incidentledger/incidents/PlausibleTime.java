package io.incidentledger.incidents;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A time between 1970 and the year 9999. Java accepts a billion years either way, but no incident
 * happened then, and every read model's database column and every client would have to cope.
 * Whether a time lies in the future is the aggregate's rule (with its clock-skew allowance).
 */
@Documented
@Constraint(validatedBy = {PlausibleTime.InstantValidator.class, PlausibleTime.DateValidator.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface PlausibleTime {

    Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    String message() default "must lie between 1970-01-01 and 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class InstantValidator implements ConstraintValidator<PlausibleTime, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
        }
    }

    class DateValidator implements ConstraintValidator<PlausibleTime, LocalDate> {

        private static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
        private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(FIRST) && !value.isAfter(LAST);
        }
    }
}
