package gov.rizhao.skills.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.rizhao.skills.facts.Person;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ClassBytesCacheTest {
  private final ClassBytesCache loader = new ClassBytesCache(getClass().getClassLoader());

  @Test
  void loadsTheApplicationsOwnClasses() throws ClassNotFoundException {
    assertThat(loader.loadClass(Person.class.getName())).isSameAs(Person.class);
  }

  @Test
  void aMissingClassStaysMissing() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> loader.loadClass("gov.rizhao.skills.facts.NoSuchFact"))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void servesTheBytecodeTheParentServes() throws IOException {
    String name = Person.class.getName().replace('.', '/') + ".class";
    byte[] expected;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      expected = in.readAllBytes();
    }
    for (int i = 0; i < 2; i++) {
      try (InputStream in = loader.getResourceAsStream(name)) {
        assertThat(in.readAllBytes()).isEqualTo(expected);
      }
    }
    assertThat(loader.getResourceAsStream("gov/rizhao/skills/facts/NoSuchFact.class")).isNull();
  }
}
