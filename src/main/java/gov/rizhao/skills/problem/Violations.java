package gov.rizhao.skills.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns Bean Validation violations into field errors with JSON Pointers. */
public final class Violations {
  private Violations() {}

  public static List<Problem.FieldError> toErrors(
      String prefix, Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> new Problem.FieldError(prefix + pointer(v.getPropertyPath()), v.getMessage()))
        .sorted(
            Comparator.comparing(Problem.FieldError::pointer)
                .thenComparing(Problem.FieldError::message))
        .toList();
  }

  /** {@code hires[0].annualSalary} becomes {@code /hires/0/annualSalary}. */
  static String pointer(Path path) {
    StringBuilder b = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (node.isInIterable()) {
        b.append('/').append(node.getIndex() != null ? node.getIndex() : node.getKey());
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        b.append('/').append(escape(node.getName()));
      }
    }
    return b.toString();
  }

  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
