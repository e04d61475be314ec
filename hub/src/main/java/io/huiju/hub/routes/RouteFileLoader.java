package io.huiju.hub.routes;

import io.huiju.hub.config.HubProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the YAML route files of {@code huiju.routes} one file at a time and reloads a file when it changes.
 *
 * <p>Camel's own reload (STACK.md pitfall 4) either drops every route on one syntax error or keeps the routes of a
 * deleted file running, and a broken file at start-up stops the whole hub. Here each file is its own unit: a file that
 * fails to load is logged with its reason and skipped (at start-up) or rolled back to its last good content (on
 * change); a deleted file's routes are removed; the other files' routes never notice. Route configurations load first,
 * then templates, then routes, because later files refer to earlier ones; a change to a configuration or template file
 * reloads the files that may use it.
 */
@Component
public class RouteFileLoader implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileLoader.class);

    /** What one file put into the context, so that it can be taken out again. */
    private record Loaded(String content, Set<String> routes, Set<String> templates, Set<String> configurations) {}

    private final ModelCamelContext camel;
    private final Path directory;
    private final long intervalMillis;
    private final Map<Path, Loaded> loaded = new HashMap<>();
    private final Map<Path, String> failed = new HashMap<>();
    /** The content a file was rejected with, so an unchanged broken file is not retried every scan. */
    private final Map<Path, String> rejectedContent = new HashMap<>();

    private ScheduledExecutorService scanner;
    private volatile boolean running;

    RouteFileLoader(CamelContext camel, HubProperties properties) {
        this.camel = (ModelCamelContext) camel;
        this.directory = properties.getRoutes();
        this.intervalMillis = properties.getRouteScanInterval().toMillis();
    }

    /** Routes start once the whole application (store, broker, beans) is ready, not half-way through start-up. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void loadAll() {
        List<Path> files = files();
        LOG.info("Loading {} route file(s) from {}", files.size(), directory.toAbsolutePath());
        for (Path file : files) {
            load(file, read(file));
        }
        scanner = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "huiju-route-scanner"));
        scanner.scheduleWithFixedDelay(this::scan, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Names of the files currently loaded, and of those rejected with their reason: for health and operators. */
    public synchronized Map<String, String> status() {
        Map<String, String> status = new HashMap<>();
        loaded.forEach((f, l) -> status.put(name(f), "loaded " + l.routes()));
        failed.forEach((f, why) -> status.put(
                name(f), "rejected" + (loaded.containsKey(f) ? " (last good version running)" : "") + ": " + why));
        return status;
    }

    synchronized void scan() {
        try {
            List<Path> files = files();
            for (Path gone : new ArrayList<>(loaded.keySet())) {
                if (!files.contains(gone)) {
                    LOG.info(
                            "Route file {} was removed: removing its routes {}",
                            name(gone),
                            loaded.get(gone).routes());
                    unload(loaded.remove(gone));
                }
            }
            failed.keySet().retainAll(files);
            rejectedContent.keySet().retainAll(files);
            boolean sharedChanged = false;
            for (Path file : files) {
                String content = read(file);
                Loaded before = loaded.get(file);
                boolean changed = before == null
                        ? !content.equals(rejectedContent.get(file))
                        : !before.content().equals(content);
                if (sharedChanged && rank(content) == 2 && before != null) {
                    changed = true;
                }
                if (changed) {
                    LOG.info("Route file {} changed: reloading it", name(file));
                    sharedChanged |= rank(content) < 2;
                    reload(file, content, before);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Route folder scan failed; will try again", e);
        }
    }

    private void reload(Path file, String content, Loaded before) {
        if (before != null) {
            unload(before);
            loaded.remove(file);
        }
        if (!load(file, content) && before != null) {
            LOG.warn("Route file {}: its last good version stays in force until the file is fixed", name(file));
            String reason = failed.get(file);
            load(file, before.content());
            failed.put(file, reason);
            rejectedContent.put(file, content);
        }
    }

    /** Loads one file; on failure removes whatever part of it got in, logs why, and returns false. */
    private boolean load(Path file, String content) {
        Set<String> routes = routeIds();
        Set<String> templates = templateIds();
        Set<String> configurations = configurationIds();
        try {
            PluginHelper.getRoutesLoader(camel)
                    .loadRoutes(ResourceHelper.fromString("file:" + file.toAbsolutePath(), content));
            Loaded now = new Loaded(
                    content,
                    added(routes, routeIds()),
                    added(templates, templateIds()),
                    added(configurations, configurationIds()));
            loaded.put(file, now);
            failed.remove(file);
            rejectedContent.remove(file);
            LOG.info(
                    "Route file {} loaded: routes {} templates {} configurations {}",
                    name(file),
                    now.routes(),
                    now.templates(),
                    now.configurations());
            return true;
        } catch (Exception e) {
            unload(new Loaded(
                    content,
                    added(routes, routeIds()),
                    added(templates, templateIds()),
                    added(configurations, configurationIds())));
            String reason = rootMessage(e);
            failed.put(file, reason);
            rejectedContent.put(file, content);
            LOG.error("Route file {} rejected, other routes keep running: {}", name(file), reason);
            return false;
        }
    }

    private void unload(Loaded l) {
        for (String id : l.routes()) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.error("Route {} could not be removed", id, e);
            }
        }
        try {
            for (RouteTemplateDefinition t : new ArrayList<>(camel.getRouteTemplateDefinitions())) {
                if (l.templates().contains(t.getId())) {
                    camel.removeRouteTemplateDefinition(t);
                }
            }
            for (RouteConfigurationDefinition c : new ArrayList<>(camel.getRouteConfigurationDefinitions())) {
                if (l.configurations().contains(c.getId())) {
                    camel.removeRouteConfiguration(c);
                }
            }
        } catch (Exception e) {
            LOG.error("Templates {} / configurations {} could not be removed", l.templates(), l.configurations(), e);
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".camel.yaml"))
                    .sorted(Comparator.comparingInt((Path p) -> rank(read(p))).thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("route folder " + directory.toAbsolutePath() + " cannot be read", e);
        }
    }

    /** 0: route configurations, 1: templates, 2: routes and templated routes. */
    private static int rank(String content) {
        if (content.contains("routeConfiguration:")) {
            return 0;
        }
        return content.contains("routeTemplate:") ? 1 : 2;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private Set<String> routeIds() {
        Set<String> ids = new HashSet<>();
        for (Route r : camel.getRoutes()) {
            ids.add(r.getRouteId());
        }
        return ids;
    }

    private Set<String> templateIds() {
        Set<String> ids = new HashSet<>();
        camel.getRouteTemplateDefinitions().forEach(t -> ids.add(t.getId()));
        return ids;
    }

    private Set<String> configurationIds() {
        Set<String> ids = new HashSet<>();
        camel.getRouteConfigurationDefinitions().forEach(c -> ids.add(c.getId()));
        return ids;
    }

    private static Set<String> added(Set<String> before, Set<String> after) {
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        return added;
    }

    private String name(Path file) {
        return directory.relativize(file).toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !message.toString().contains(t.getMessage())) {
                message.append(" / ").append(t.getMessage());
            }
        }
        return message.toString().replaceAll("\\s+", " ");
    }

    @Override
    public void start() {
        // routes are loaded on ApplicationReadyEvent; see loadAll()
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scanner != null) {
            scanner.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
