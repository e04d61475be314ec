package io.huiju.hub.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the hub is told about its surroundings, under {@code huiju.*}. Folders default to ones under
 * {@code huiju.home}, so a first run from the repository root needs no setting at all.
 */
@Validated
@ConfigurationProperties("huiju")
public class HubProperties {

    /** Base folder for routes/, mappings/, inbox/, archive/, feedback/ (default: the working directory). */
    @NotNull
    private Path home = Path.of(".");

    /** Folder of the Camel YAML route files; watched and reloaded file by file. Default {@code <home>/routes}. */
    private Path routes;

    /** Folder of mapping files. Default {@code <home>/mappings}. */
    private Path mappings;

    /** Root of the per-department drop folders {@code <inbox>/<department>/}. Default {@code <home>/inbox}. */
    private Path inbox;

    /** Where every inbound payload is copied, before parsing, as received. Default {@code <home>/archive}. */
    private Path archive;

    /** Where the feedback file of each payload is written, per department. Default {@code <home>/feedback}. */
    private Path feedback;

    /** Rows per transaction: larger batches write faster, smaller ones hold less memory. */
    @Min(1)
    private int batchSize = 1000;

    /** How often the route folder is checked for changed files. */
    @NotNull
    private Duration routeScanInterval = Duration.ofSeconds(2);

    /** The department registry, written to the store at start-up. */
    @Valid
    private List<Department> departments = new ArrayList<>();

    /** Accounts that may log into Hawtio. Passwords are bcrypt hashes; see docs/OPERATIONS.md. */
    @Valid
    private List<Operator> operators = new ArrayList<>();

    public static class Department {
        /** Short code naming the department's inbox folder, route, mapping and feedback folder, e.g. {@code scjg}. */
        @NotBlank
        private String code;

        @NotBlank
        private String name;

        /** The department's own unified social credit code (the default authority code of legacy layouts). */
        private String uscc;

        /** GB/T 2260 code of the department's region, e.g. 350800 for 龙岩市. */
        @NotBlank
        private String regionCode;

        /** How often it must report: DAILY, WEEKLY, MONTHLY. */
        private String frequency = "WEEKLY";

        private String contact;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getUscc() {
            return uscc;
        }

        public void setUscc(String uscc) {
            this.uscc = uscc;
        }

        public String getRegionCode() {
            return regionCode;
        }

        public void setRegionCode(String regionCode) {
            this.regionCode = regionCode;
        }

        public String getFrequency() {
            return frequency;
        }

        public void setFrequency(String frequency) {
            this.frequency = frequency;
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact;
        }
    }

    public static class Operator {
        @NotBlank
        private String username;

        /** A bcrypt hash ({@code $2a$…}); plain passwords are refused. */
        @NotBlank
        private String passwordHash;

        /** Hawtio roles: operator, admin, viewer. */
        private List<String> roles = new ArrayList<>(List.of("operator"));

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }

    public Path getHome() {
        return home;
    }

    public void setHome(Path home) {
        this.home = home;
    }

    public Path getRoutes() {
        return routes != null ? routes : home.resolve("routes");
    }

    public void setRoutes(Path routes) {
        this.routes = routes;
    }

    public Path getMappings() {
        return mappings != null ? mappings : home.resolve("mappings");
    }

    public void setMappings(Path mappings) {
        this.mappings = mappings;
    }

    public Path getInbox() {
        return inbox != null ? inbox : home.resolve("inbox");
    }

    public void setInbox(Path inbox) {
        this.inbox = inbox;
    }

    public Path getArchive() {
        return archive != null ? archive : home.resolve("archive");
    }

    public void setArchive(Path archive) {
        this.archive = archive;
    }

    public Path getFeedback() {
        return feedback != null ? feedback : home.resolve("feedback");
    }

    public void setFeedback(Path feedback) {
        this.feedback = feedback;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getRouteScanInterval() {
        return routeScanInterval;
    }

    public void setRouteScanInterval(Duration routeScanInterval) {
        this.routeScanInterval = routeScanInterval;
    }

    public List<Department> getDepartments() {
        return departments;
    }

    public void setDepartments(List<Department> departments) {
        this.departments = departments;
    }

    public List<Operator> getOperators() {
        return operators;
    }

    public void setOperators(List<Operator> operators) {
        this.operators = operators;
    }
}
