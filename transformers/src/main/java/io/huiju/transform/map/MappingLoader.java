package io.huiju.transform.map;

import io.huiju.model.Category;
import io.huiju.transform.CanonicalField;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a mapping file. Works on SnakeYAML's node tree rather than plain maps because every node keeps its line: an
 * unknown target field or a bad date pattern fails here, at load time, naming the file and the line to fix.
 */
public final class MappingLoader {

    private static final List<String> DEFAULT_DATE_FORMATS = List.of("yyyy-MM-dd");

    private MappingLoader() {}

    public static Mapping load(Path file) {
        String name = file.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(reader);
            if (!(root instanceof MappingNode top)) {
                throw new MappingException(name, 1, "a mapping file is a YAML map (name, category, columns, …)");
            }
            return new Parser(name, top).parse();
        } catch (MarkedYAMLException e) {
            throw new MappingException(name, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new MappingException(name, "cannot be read", e);
        }
    }

    /** One pass over the top-level keys; each section is checked as it is read. */
    private static final class Parser {
        private final String file;
        private final MappingNode top;

        Parser(String file, MappingNode top) {
            this.file = file;
            this.top = top;
        }

        Mapping parse() {
            String name = null;
            Category category = null;
            String encoding = "auto";
            char delimiter = ',';
            boolean infer = false;
            List<DateTimeFormatter> dateFormats = formats(DEFAULT_DATE_FORMATS, top);
            Map<CanonicalField, List<String>> columns = new EnumMap<>(CanonicalField.class);
            Map<CanonicalField, Map<String, String>> codeTables = new EnumMap<>(CanonicalField.class);
            Map<CanonicalField, String> defaults = new EnumMap<>(CanonicalField.class);
            for (NodeTuple tuple : top.getValue()) {
                String key = scalar(tuple.getKeyNode());
                Node value = tuple.getValueNode();
                switch (key) {
                    case "name" -> name = scalar(value);
                    case "category" -> category = category(value);
                    case "encoding" -> encoding = encoding(value);
                    case "delimiter" -> delimiter = delimiter(value);
                    case "inferSubjectKind" -> infer = Boolean.parseBoolean(scalar(value));
                    case "dateFormats" -> dateFormats = formats(strings(value), value);
                    case "columns" -> eachField(value, (field, node) -> columns.put(field, aliases(node)));
                    case "codeTables" -> eachField(value, (field, node) -> codeTables.put(field, table(node)));
                    case "defaults" -> eachField(value, (field, node) -> defaults.put(field, scalar(node)));
                    default ->
                        throw error(
                                tuple.getKeyNode(),
                                "unknown key '" + key + "' (expected name, category, "
                                        + "encoding, delimiter, dateFormats, columns, codeTables, defaults, inferSubjectKind)");
                }
            }
            if (name == null || category == null || columns.isEmpty()) {
                throw error(top, "name, category and columns are required");
            }
            for (CanonicalField field : columns.keySet()) {
                if (!field.appliesTo(category)) {
                    throw new MappingException(file, 1, field.path() + " does not belong to category " + category);
                }
            }
            return new Mapping(
                    name, file, category, encoding, delimiter, dateFormats, columns, codeTables, defaults, infer);
        }

        private void eachField(Node section, java.util.function.BiConsumer<CanonicalField, Node> action) {
            for (NodeTuple tuple : map(section).getValue()) {
                String path = scalar(tuple.getKeyNode());
                CanonicalField field = CanonicalField.byPath(path)
                        .orElseThrow(() -> error(tuple.getKeyNode(), "unknown target field '" + path + "'"));
                action.accept(field, tuple.getValueNode());
            }
        }

        private List<String> aliases(Node node) {
            List<String> aliases = node instanceof ScalarNode ? List.of(scalar(node)) : strings(node);
            if (aliases.isEmpty()) {
                throw error(node, "a column list may not be empty");
            }
            return aliases;
        }

        private Map<String, String> table(Node node) {
            Map<String, String> table = new LinkedHashMap<>();
            for (NodeTuple tuple : map(node).getValue()) {
                table.put(scalar(tuple.getKeyNode()), scalar(tuple.getValueNode()));
            }
            return table;
        }

        private Category category(Node node) {
            String text = scalar(node);
            try {
                return Category.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw error(node, "unknown category '" + text + "' (LICENSE, PENALTY, RED_LIST, BLACK_LIST)");
            }
        }

        private String encoding(Node node) {
            String text = scalar(node);
            if (!text.equalsIgnoreCase("auto") && !Charset.isSupported(text)) {
                throw error(node, "unknown encoding '" + text + "' (auto, UTF-8, GB18030)");
            }
            return text;
        }

        private char delimiter(Node node) {
            String text = scalar(node);
            if ("\\t".equals(text)) {
                return '\t';
            }
            if (text.length() != 1) {
                throw error(node, "a delimiter is one character");
            }
            return text.charAt(0);
        }

        /** Patterns use y for the year as people write them; u makes STRICT resolving work without an era. */
        private List<DateTimeFormatter> formats(List<String> patterns, Node node) {
            List<DateTimeFormatter> formats = new ArrayList<>();
            for (String pattern : patterns) {
                try {
                    formats.add(DateTimeFormatter.ofPattern(pattern.replace('y', 'u'))
                            .withResolverStyle(ResolverStyle.STRICT));
                } catch (IllegalArgumentException e) {
                    throw error(node, "bad date pattern '" + pattern + "': " + e.getMessage());
                }
            }
            return formats;
        }

        private List<String> strings(Node node) {
            if (!(node instanceof SequenceNode seq)) {
                throw error(node, "expected a list");
            }
            return seq.getValue().stream().map(this::scalar).toList();
        }

        private MappingNode map(Node node) {
            if (!(node instanceof MappingNode m)) {
                throw error(node, "expected a map");
            }
            return m;
        }

        private String scalar(Node node) {
            if (!(node instanceof ScalarNode s)) {
                throw error(node, "expected a single value");
            }
            return s.getValue();
        }

        private MappingException error(Node node, String message) {
            return new MappingException(file, node.getStartMark().getLine() + 1, message);
        }
    }
}
