package io.huiju.hub.store;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The departments the hub accepts data from: configured, written to the store at start-up, looked up by code. */
@Component
public class DepartmentRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentRegistry.class);

    private final Map<String, Department> byCode = new HashMap<>();

    DepartmentRegistry(HubProperties properties, JdbcTemplate jdbc) {
        for (Department d : properties.getDepartments()) {
            if (byCode.put(d.getCode(), d) != null) {
                throw new IllegalStateException("department code '" + d.getCode() + "' is configured twice");
            }
            int updated = jdbc.update(
                    "UPDATE department SET name = ?, uscc = ?, region_code = ?, frequency = ?, contact = ?,"
                            + " updated_at = ? WHERE code = ?",
                    d.getName(),
                    d.getUscc(),
                    d.getRegionCode(),
                    d.getFrequency(),
                    d.getContact(),
                    Timestamp.from(Instant.now()),
                    d.getCode());
            if (updated == 0) {
                jdbc.update(
                        "INSERT INTO department (code, name, uscc, region_code, frequency, contact, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        d.getCode(),
                        d.getName(),
                        d.getUscc(),
                        d.getRegionCode(),
                        d.getFrequency(),
                        d.getContact(),
                        Timestamp.from(Instant.now()));
            }
        }
        LOG.info("Department registry: {} department(s) {}", byCode.size(), byCode.keySet());
    }

    public Optional<Department> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
