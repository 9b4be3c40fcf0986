package dev.talentgraph.schema;

import java.util.List;

/**
 * The one place that says which properties are personal data. They live on a {@code
 * (:Expert)-[:HAS_PERSONAL_DATA]->(:PersonalData)} node (never on the public Expert node), each
 * value encrypted with {@link FieldCipher} and stored as a string, numbers and dates included.
 * Performance ratings, model scores and interview feedback are personal too; they are guarded by
 * the API's field rules and kept off the analyst endpoint.
 */
public final class PersonalFields {
  private PersonalFields() {}

  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String BIRTH_DATE = "birthDate";
  public static final String GENDER = "gender";
  public static final String SALARY = "salary";
  public static final String MARITAL_STATUS = "maritalStatus";
  public static final String NATIONALITY = "nationality";

  /** Properties of the PersonalData node; every value is a FieldCipher ciphertext. */
  public static final List<String> ALL =
      List.of(EMAIL, PHONE, BIRTH_DATE, GENDER, SALARY, MARITAL_STATUS, NATIONALITY);

  /** Attributes that models must not use as features unless explicitly allowed (fairness). */
  public static final List<String> PROTECTED =
      List.of(GENDER, BIRTH_DATE, MARITAL_STATUS, NATIONALITY);
}
