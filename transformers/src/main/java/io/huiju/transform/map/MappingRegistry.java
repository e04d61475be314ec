package io.huiju.transform.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every mapping of a folder by name. Loading is all or nothing, so a broken file is found at start-up. */
public final class MappingRegistry {

    private final Map<String, Mapping> byName;

    private MappingRegistry(Map<String, Mapping> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static MappingRegistry load(Path directory) {
        Map<String, Mapping> byName = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file :
                    files.filter(MappingRegistry::isMappingFile).sorted().toList()) {
                MappingLoader.Located located = MappingLoader.locate(file);
                Mapping mapping = located.mapping();
                Mapping clash = byName.put(mapping.name(), mapping);
                if (clash != null) {
                    throw new MappingException(
                            file.getFileName().toString(),
                            located.nameLine(),
                            "name '" + mapping.name() + "' is also used by " + clash.file());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list mappings in " + directory.toAbsolutePath(), e);
        }
        return new MappingRegistry(byName);
    }

    public Mapping get(String name) {
        Mapping mapping = byName.get(name);
        if (mapping == null) {
            throw new NoSuchElementException("no mapping named '" + name + "'; known: " + byName.keySet());
        }
        return mapping;
    }

    public Iterable<String> names() {
        return byName.keySet();
    }

    private static boolean isMappingFile(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
