package io.huiju.hub.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's place in the city-province synchronisation, under {@code huiju.sync.*}. The {@code city} and
 * {@code province} profiles set the role; without either the hub is a standalone city hub that syncs nothing.
 */
@Validated
@ConfigurationProperties("huiju.sync")
public class SyncProperties {

    public enum Role {
        /** A standalone hub: nothing is reported up or received. */
        NONE,
        /** Reports every accepted version up (上报) and stores what the province returns (回流). */
        CITY,
        /** Stores what its cities report and returns to each city the records that concern it. */
        PROVINCE
    }

    @NotNull
    private Role role = Role.NONE;

    /** GB/T 2260 code of this hub's region: the city's (e.g. 350800) or the province's (e.g. 350000). */
    @Pattern(regexp = "\\d{6}")
    private String regionCode = "350800";

    /** Province only: the 6-digit codes of the cities it serves (each gets a down address). */
    private List<@Pattern(regexp = "\\d{2}\\d{2}00") String> cities = new ArrayList<>();

    /** The durable address cities report to. */
    @NotBlank
    private String upAddress = "huiju.sync.up";

    /** The durable address of a city's returned records is this prefix + the city's code. */
    @NotBlank
    private String downAddressPrefix = "huiju.sync.down.";

    /** Extra rules of which city a subject concerns, tried before the registration region. */
    @Valid
    private List<Rule> rules = new ArrayList<>();

    /** How often the outbox is relayed, and how many versions at most per round. */
    @NotNull
    private Duration relayInterval = Duration.ofMillis(500);

    @Min(1)
    private int relayBatch = 500;

    /** Most versions received per JMS and database transaction. */
    @Min(1)
    private int receiveBatch = 500;

    /** A version waiting longer than this to leave makes the link's health DEGRADED (its broker is unreachable). */
    @NotNull
    private Duration maxUnsentAge = Duration.ofMinutes(5);

    /**
     * A rule that sends a subject to a city: by a prefix of its registration region (e.g. {@code 3526}, the pre-1996
     * code of 龙岩 still in old ID numbers) or by its exact subject code (a company registered elsewhere but operating
     * in the city). One of the two is set.
     */
    public static class Rule {

        @Pattern(regexp = "\\d{1,6}")
        private String regionPrefix;

        private String subjectCode;

        @NotNull
        @Pattern(regexp = "\\d{4}00")
        private String city;

        public String getRegionPrefix() {
            return regionPrefix;
        }

        public void setRegionPrefix(String regionPrefix) {
            this.regionPrefix = regionPrefix;
        }

        public String getSubjectCode() {
            return subjectCode;
        }

        public void setSubjectCode(String subjectCode) {
            this.subjectCode = subjectCode;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public List<String> getCities() {
        return cities;
    }

    public void setCities(List<String> cities) {
        this.cities = cities;
    }

    public String getUpAddress() {
        return upAddress;
    }

    public void setUpAddress(String upAddress) {
        this.upAddress = upAddress;
    }

    public String getDownAddressPrefix() {
        return downAddressPrefix;
    }

    public void setDownAddressPrefix(String downAddressPrefix) {
        this.downAddressPrefix = downAddressPrefix;
    }

    public List<Rule> getRules() {
        return rules;
    }

    public void setRules(List<Rule> rules) {
        this.rules = rules;
    }

    public Duration getRelayInterval() {
        return relayInterval;
    }

    public void setRelayInterval(Duration relayInterval) {
        this.relayInterval = relayInterval;
    }

    public int getRelayBatch() {
        return relayBatch;
    }

    public void setRelayBatch(int relayBatch) {
        this.relayBatch = relayBatch;
    }

    public int getReceiveBatch() {
        return receiveBatch;
    }

    public void setReceiveBatch(int receiveBatch) {
        this.receiveBatch = receiveBatch;
    }

    public Duration getMaxUnsentAge() {
        return maxUnsentAge;
    }

    public void setMaxUnsentAge(Duration maxUnsentAge) {
        this.maxUnsentAge = maxUnsentAge;
    }

    /** A province that serves no city would receive nothing and return nothing: refused at start-up. */
    @AssertTrue(message = "huiju.sync.cities must name the cities a province serves")
    public boolean isProvinceWithCities() {
        return role != Role.PROVINCE || !cities.isEmpty();
    }

    /** A city hub receives on huiju.sync.down.<its code>, which only a city code (dddd00) can be. */
    @AssertTrue(message = "huiju.sync.region-code of a city must be a prefecture-level code (e.g. 350800)")
    public boolean isCityWithCityCode() {
        return role != Role.CITY || (regionCode != null && regionCode.endsWith("00") && !regionCode.endsWith("0000"));
    }

    /** The address this hub receives on: the up address in the province, its own down address in a city. */
    public String inboundAddress() {
        return role == Role.PROVINCE ? upAddress : downAddress(regionCode);
    }

    public String downAddress(String city) {
        return downAddressPrefix + city;
    }
}
