package io.huiju.transform.template;

import io.huiju.model.Category;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.map.MappingLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the POI-filled national-penalty template that LibreOffice re-saves into the checked-in fixture
 * {@code penalty-template-filled-libreoffice.xlsx}; see the README next to it for the command lines.
 *
 * <p>Arguments: the output file, and optionally the mappings folder (default {@code ../mappings}, right when run from
 * the transformers module).
 */
public final class FilledPenaltyTemplate {

    private FilledPenaltyTemplate() {}

    /** The three valid rows of {@link SampleRecords}, then one whose credit code has a wrong check character. */
    static List<Map<CanonicalField, Object>> rows() {
        List<Map<CanonicalField, Object>> rows = new ArrayList<>(SampleRecords.rows(Category.PENALTY));
        rows.add(SampleRecords.withWrongCheckCharacter(Category.PENALTY));
        return rows;
    }

    static Mapping mapping(Path mappings) {
        return MappingLoader.load(mappings.resolve("national-penalty.yaml"));
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path mappings = Path.of(args.length > 1 ? args[1] : "../mappings");
        TemplateFiller.filled(mapping(mappings), rows(), out);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
