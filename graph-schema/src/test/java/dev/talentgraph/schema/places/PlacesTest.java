package dev.talentgraph.schema.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PlacesTest {
  static final LocalDate DAY = LocalDate.of(2026, 7, 15);

  @Test
  void countryCodesFromCodesAndEnglishNames() {
    assertThat(Places.countryCode("de")).isEqualTo("DE");
    assertThat(Places.countryCode("Germany")).isEqualTo("DE");
    assertThat(Places.countryCode("United Kingdom")).isEqualTo("GB");
    assertThat(Places.countryCode("United States")).isEqualTo("US");
    assertThat(Places.countryCode("Atlantis")).isNull();
    assertThat(Places.countryName("JP")).isEqualTo("Japan");
  }

  @Test
  void overlapOfWorkingDays() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata"), tokyo = ZoneId.of("Asia/Tokyo");
    // 3.5 h apart, neither has daylight saving time
    assertThat(Places.overlapHours(kolkata, tokyo, DAY)).isEqualTo(4.5);
    assertThat(Places.overlapHours(tokyo, kolkata, DAY)).isEqualTo(4.5);
    assertThat(Places.overlapHours(kolkata, kolkata, DAY)).isEqualTo(8.0);
    // Berlin (UTC+2 in July) and New York (UTC-4): 6 h apart
    assertThat(Places.overlapHours(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), DAY))
        .isEqualTo(2.0);
    // in January both are an hour earlier: still 6 h apart
    assertThat(
            Places.overlapHours(
                ZoneId.of("Europe/Berlin"),
                ZoneId.of("America/New_York"),
                LocalDate.of(2026, 1, 15)))
        .isEqualTo(2.0);
    // across the date line: Tokyo (UTC+9) and San Francisco (UTC-7 in July), 16 h apart
    assertThat(Places.overlapHours(tokyo, ZoneId.of("America/Los_Angeles"), DAY)).isEqualTo(0.0);
    // Sydney (UTC+10 in July) and Los Angeles (UTC-7): 17 h apart, i.e. 7 h the other way: 1 h
    assertThat(
            Places.overlapHours(
                ZoneId.of("Australia/Sydney"), ZoneId.of("America/Los_Angeles"), DAY))
        .isEqualTo(1.0);
  }

  @Test
  void zones() {
    assertThat(Places.validZone("Europe/Berlin")).isTrue();
    assertThat(Places.validZone("Mars/Olympus")).isFalse();
    assertThat(Places.validZone(null)).isFalse();
  }
}
