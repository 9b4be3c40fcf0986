package dev.talentgraph.ml.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtectedAttributesTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Age",
        "age",
        "Gender",
        "gender",
        "MaritalStatus",
        "marital_status",
        "maritalstatus",
        "Nationality",
        "age_band",
        "EmployeeAge",
        "birthDate",
        "Sex"
      })
  void namesThatSayAProtectedAttribute(String name) {
    assertThat(ProtectedAttributes.isProtectedName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "YearsWithCurrManager",
        "PercentSalaryHike",
        "Manager",
        "percentage",
        "Stage",
        "average_rating",
        "MonthlyRate",
        "Department",
        "city"
      })
  void namesThatMerelyContainTheLetters(String name) {
    assertThat(ProtectedAttributes.isProtectedName(name)).isFalse();
  }

  @Test
  void splitsCamelCaseAndSeparators() {
    assertThat(ProtectedAttributes.words("YearsWithCurrManager"))
        .containsExactly("years", "with", "curr", "manager");
    assertThat(ProtectedAttributes.words("HTTPServer_age"))
        .containsExactly("http", "server", "age");
  }
}
