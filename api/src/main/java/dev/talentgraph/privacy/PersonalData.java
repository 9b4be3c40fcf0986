package dev.talentgraph.privacy;

/**
 * {@code type PersonalData}: a person's personal fields, decrypted for a caller allowed to see
 * them.
 */
record PersonalData(
    String email,
    String phone,
    String birthDate,
    String gender,
    Double salary,
    String maritalStatus,
    String nationality) {}
