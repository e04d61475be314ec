package io.huiju.hub.pipeline;

import io.huiju.hub.config.HubProperties;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.map.MappingException;
import io.huiju.transform.map.MappingRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mappings of {@code huiju.mappings}. Loaded at start-up, where a broken file stops the hub with its file and line;
 * reloaded when a file changes, where a broken file is logged and the previous mappings stay in force.
 */
@Component
public class MappingCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(MappingCatalog.class);

    private final Path directory;
    private volatile MappingRegistry registry;
    private volatile long stamp;

    MappingCatalog(HubProperties properties) {
        this.directory = properties.getMappings();
        this.stamp = stamp();
        this.registry = MappingRegistry.load(directory);
        LOG.info("Mappings loaded from {}: {}", directory.toAbsolutePath(), registry.names());
    }

    public Mapping get(String name) {
        long now = stamp();
        if (now != stamp) {
            synchronized (this) {
                if (now != stamp) {
                    try {
                        registry = MappingRegistry.load(directory);
                        LOG.info("Mappings reloaded: {}", registry.names());
                    } catch (MappingException e) {
                        LOG.error("Mapping change rejected, the previous mappings stay in force: {}", e.getMessage());
                    }
                    stamp = now;
                }
            }
        }
        return registry.get(name);
    }

    /** The names of the mappings in force, sorted (for the console's template links). */
    public java.util.List<String> names() {
        java.util.List<String> names = new java.util.ArrayList<>();
        registry.names().forEach(names::add);
        names.sort(null);
        return names;
    }

    /** Changes when a mapping file is added, removed or modified. */
    private long stamp() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toMillis() * 31 + p.hashCode();
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("mappings folder " + directory.toAbsolutePath() + " cannot be read", e);
        }
    }
}
