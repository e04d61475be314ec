package io.huiju.transform.map;

import io.huiju.model.Category;
import io.huiju.transform.CanonicalField;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";

    /** A mapping and the line of its {@code name}, for errors found only across files (two files, one name). */
    record Located(Mapping mapping, int nameLine) {}

    private MappingLoader() {}

    public static Mapping load(Path file) {
        return locate(file).mapping();
    }

    static Located locate(Path file) {
        String name = file.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // Duplicate keys are only caught when constructing Java objects, not when composing nodes: see unique().
            Node root = new Yaml(new LoaderOptions()).compose(reader);
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
        /** Every field a section names, with its key node: whether it fits the category is known only at the end. */
        private final List<Map.Entry<CanonicalField, Node>> fieldKeys = new ArrayList<>();

        Parser(String file, MappingNode top) {
            this.file = file;
            this.top = top;
        }

        Located parse() {
            String name = null;
            Node nameNode = top;
            Category category = null;
            String encoding = "auto";
            char delimiter = ',';
            boolean infer = false;
            List<DateTimeFormatter> dateFormats = List.of(format(DEFAULT_DATE_FORMAT, top));
            // In file order: it is the order of the layout's columns, which a template for the layout repeats.
            Map<CanonicalField, List<String>> columns = new LinkedHashMap<>();
            Map<CanonicalField, Map<String, String>> codeTables = new EnumMap<>(CanonicalField.class);
            Map<CanonicalField, String> defaults = new EnumMap<>(CanonicalField.class);
            for (NodeTuple tuple : unique(top)) {
                String key = scalar(tuple.getKeyNode());
                Node value = tuple.getValueNode();
                switch (key) {
                    case "name" -> {
                        name = scalar(value);
                        nameNode = value;
                    }
                    case "category" -> category = category(value);
                    case "encoding" -> encoding = encoding(value);
                    case "delimiter" -> delimiter = delimiter(value);
                    case "inferSubjectKind" -> infer = bool(value);
                    case "dateFormats" -> dateFormats = formats(value);
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
            for (Map.Entry<CanonicalField, Node> key : fieldKeys) {
                if (!key.getKey().appliesTo(category)) {
                    throw error(key.getValue(), key.getKey().path() + " does not belong to category " + category);
                }
            }
            Mapping mapping = new Mapping(
                    name, file, category, encoding, delimiter, dateFormats, columns, codeTables, defaults, infer);
            return new Located(mapping, nameNode.getStartMark().getLine() + 1);
        }

        private void eachField(Node section, java.util.function.BiConsumer<CanonicalField, Node> action) {
            for (NodeTuple tuple : unique(section)) {
                String path = scalar(tuple.getKeyNode());
                CanonicalField field = CanonicalField.byPath(path)
                        .orElseThrow(() -> error(tuple.getKeyNode(), "unknown target field '" + path + "'"));
                fieldKeys.add(Map.entry(field, tuple.getKeyNode()));
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
            for (NodeTuple tuple : unique(node)) {
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
            if (!text.equalsIgnoreCase("auto") && !isSupported(text)) {
                throw error(node, "unknown encoding '" + text + "' (auto, UTF-8, GB18030)");
            }
            return text;
        }

        private boolean bool(Node node) {
            String text = scalar(node);
            if (!text.equals("true") && !text.equals("false")) {
                throw error(node, "expected true or false, not '" + text + "'");
            }
            return Boolean.parseBoolean(text);
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

        private static boolean isSupported(String charset) {
            try {
                return Charset.isSupported(charset);
            } catch (IllegalCharsetNameException e) {
                return false;
            }
        }

        private List<DateTimeFormatter> formats(Node node) {
            if (!(node instanceof SequenceNode seq)) {
                throw error(node, "expected a list");
            }
            return seq.getValue().stream()
                    .map(item -> format(scalar(item), item))
                    .toList();
        }

        /** Patterns use y for the year as people write them; u makes STRICT resolving work without an era. */
        private DateTimeFormatter format(String pattern, Node node) {
            try {
                return DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
            } catch (IllegalArgumentException e) {
                throw error(node, "bad date pattern '" + pattern + "': " + e.getMessage());
            }
        }

        /** The entries of a map; a key given twice would silently override the first, so it fails at the second. */
        private List<NodeTuple> unique(Node node) {
            List<NodeTuple> tuples = map(node).getValue();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : tuples) {
                String key = scalar(tuple.getKeyNode());
                if (!seen.add(key)) {
                    throw error(tuple.getKeyNode(), "duplicate key '" + key + "'");
                }
            }
            return tuples;
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
