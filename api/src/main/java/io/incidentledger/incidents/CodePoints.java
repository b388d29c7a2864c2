package io.incidentledger.incidents;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At most {@link #max()} characters as core counts them: Unicode code points of the stripped
 * text. {@code @Size} counts UTF-16 units and would refuse 100 emoji that core accepts.
 */
@Documented
@Constraint(validatedBy = CodePoints.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface CodePoints {

    int max();

    String message() default "must be at most {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CodePoints, String> {

        private int max;

        @Override
        public void initialize(CodePoints annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            var stripped = value.strip();
            return stripped.codePointCount(0, stripped.length()) <= max;
        }
    }
}
