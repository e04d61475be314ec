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

    /**
     * How long a department password that passed its bcrypt check is taken on trust (as a salted digest), so systems
     * that call once per record do not pay bcrypt each time. 0 checks every time.
     */
    @NotNull
    private Duration loginCacheTtl = Duration.ofMinutes(5);

    public Duration getLoginCacheTtl() {
        return loginCacheTtl;
    }

    public void setLoginCacheTtl(Duration loginCacheTtl) {
        this.loginCacheTtl = loginCacheTtl;
    }

    /** The hub's own FTP and SFTP servers, for systems that can only push files. */
    @Valid
    private Dropbox dropbox = new Dropbox();

    public static class Dropbox {
        /** Account homes {@code <root>/<department>/}. Default {@code <home>/dropbox}. */
        private Path root;

        /** Where finished uploads wait for the pipeline, outside every account. Default {@code <home>/data/dropbox}. */
        private Path ready;

        @Valid
        private Ftp ftp = new Ftp();

        @Valid
        private Sftp sftp = new Sftp();

        public Path getRoot() {
            return root;
        }

        public void setRoot(Path root) {
            this.root = root;
        }

        public Path getReady() {
            return ready;
        }

        public void setReady(Path ready) {
            this.ready = ready;
        }

        public Ftp getFtp() {
            return ftp;
        }

        public void setFtp(Ftp ftp) {
            this.ftp = ftp;
        }

        public Sftp getSftp() {
            return sftp;
        }

        public void setSftp(Sftp sftp) {
            this.sftp = sftp;
        }
    }

    public static class Ftp {
        private boolean enabled = true;

        /** Address to listen on; {@code 0.0.0.0} to serve other machines. */
        @NotBlank
        private String host = "127.0.0.1";

        /** Control port; 0 picks a free one. 2121 clashes with none of the usual services (21 needs root). */
        @Min(0)
        private int port = 2121;

        /** Passive data ports, MINA syntax: {@code 2130-2149}, {@code 0} for any. Open them in the firewall. */
        @NotBlank
        private String passivePorts = "2130-2149";

        /** Address announced in PASV replies when the hub sits behind NAT. */
        private String passiveAddress;

        /** A session silent this long is closed. */
        @NotNull
        private Duration idleTimeout = Duration.ofMinutes(5);

        /** Keystore (JKS or PKCS12) with the server certificate; set it to offer explicit TLS (AUTH TLS). */
        private Path keystore;

        private String keystorePassword;

        /** With a keystore: refuse logins that have not switched to TLS. */
        private boolean tlsRequired = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getPassivePorts() {
            return passivePorts;
        }

        public void setPassivePorts(String passivePorts) {
            this.passivePorts = passivePorts;
        }

        public String getPassiveAddress() {
            return passiveAddress;
        }

        public void setPassiveAddress(String passiveAddress) {
            this.passiveAddress = passiveAddress;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public Path getKeystore() {
            return keystore;
        }

        public void setKeystore(Path keystore) {
            this.keystore = keystore;
        }

        public String getKeystorePassword() {
            return keystorePassword;
        }

        public void setKeystorePassword(String keystorePassword) {
            this.keystorePassword = keystorePassword;
        }

        public boolean isTlsRequired() {
            return tlsRequired;
        }

        public void setTlsRequired(boolean tlsRequired) {
            this.tlsRequired = tlsRequired;
        }
    }

    public static class Sftp {
        private boolean enabled = true;

        @NotBlank
        private String host = "127.0.0.1";

        /** 2222: not 22, which the machine's own sshd may hold. 0 picks a free one. */
        @Min(0)
        private int port = 2222;

        /** The server's host key, generated on first start. Default {@code <home>/data/dropbox-host-key}. */
        private Path hostKey;

        @NotNull
        private Duration idleTimeout = Duration.ofMinutes(5);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Path getHostKey() {
            return hostKey;
        }

        public void setHostKey(Path hostKey) {
            this.hostKey = hostKey;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }
    }

    public Dropbox getDropbox() {
        return dropbox;
    }

    public void setDropbox(Dropbox dropbox) {
        this.dropbox = dropbox;
    }

    public Path getDropboxRoot() {
        return dropbox.getRoot() != null ? dropbox.getRoot() : home.resolve("dropbox");
    }

    public Path getDropboxReady() {
        return dropbox.getReady() != null
                ? dropbox.getReady()
                : home.resolve("data").resolve("dropbox");
    }

    public Path getDropboxHostKey() {
        Path key = dropbox.getSftp().getHostKey();
        return key != null ? key : home.resolve("data").resolve("dropbox-host-key");
    }

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

        /**
         * How often it must report: DAILY, WEEKLY, MONTHLY, QUARTERLY or an ISO-8601 period ({@code P1D}, {@code P7D},
         * {@code P1M}). A department with no payload within this period plus {@code huiju.monitor.grace} is overdue.
         */
        private String frequency = "WEEKLY";

        private String contact;

        /** Where reminders (催报) to report go by e-mail; without one the department is reminded in the console only. */
        private String email;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        /**
         * bcrypt hash of the department's password for the drop-box (FTP/SFTP) and the upload API. Without one the
         * department has no login. Give it from the environment ({@code HUIJU_DEPARTMENTS_0_PASSWORDHASH}) or a
         * config file outside the repository.
         */
        private String passwordHash;

        /** Mapping that reads what the department uploads over HTTP when the upload names none. */
        private String mapping;

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public String getMapping() {
            return mapping;
        }

        public void setMapping(String mapping) {
            this.mapping = mapping;
        }

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

        /**
         * Hawtio roles: viewer (sees everything, changes nothing), operator (also stops, starts and suspends routes and
         * manages queues), admin (the same as operator today).
         */
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
