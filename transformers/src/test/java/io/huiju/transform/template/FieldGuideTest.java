package io.huiju.transform.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.transform.CanonicalField;
import io.huiju.transform.map.MappingRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's entry form is drawn from these guides: each must name, code and explain its field in both languages. */
class FieldGuideTest {

    private final MappingRegistry registry = MappingRegistry.load(Path.of("../mappings"));

    @Test
    void everyFieldOfTheNationalLayoutsHasItsLabelsCodeAndRulesInBothLanguages() {
        for (String name :
                List.of("national-license", "national-penalty", "national-red-list", "national-black-list")) {
            List<FieldGuide> guides = FieldGuide.of(registry.get(name));
            assertThat(guides).as(name).hasSize(registry.get(name).columns().size());
            for (FieldGuide guide : guides) {
                String what = name + " " + guide.field().path();
                assertThat(guide.label()).as(what).isNotBlank();
                assertThat(guide.labelEn()).as(what).isNotBlank().doesNotContainPattern("\\p{IsHan}");
                assertThat(guide.code()).as(what).isNotBlank();
                assertThat(guide.rule()).as(what).isNotBlank();
                assertThat(guide.ruleEn()).as(what).isNotBlank();
                assertThat(guide.requirementEn()).as(what).isIn("Required", "Required in some cases", "Optional");
            }
        }
    }

    @Test
    void theCreditCodeOfAPenaltyIsExplainedAsTheTemplateExplainsIt() {
        FieldGuide uscc = FieldGuide.of(registry.get("national-penalty")).stream()
                .filter(g -> g.field() == CanonicalField.SUBJECT_USCC)
                .findFirst()
                .orElseThrow();

        assertThat(uscc.label()).isEqualTo("统一社会信用代码");
        assertThat(uscc.code()).isEqualTo("CF_XDR_SHXYM");
        assertThat(uscc.required()).isFalse();
        assertThat(uscc.requirement()).isEqualTo("条件必填");
        assertThat(uscc.rule())
                .isEqualTo(ColumnNote.rule(
                        registry.get("national-penalty"),
                        TemplateColumns.of(registry.get("national-penalty")).stream()
                                .filter(c -> c.field() == CanonicalField.SUBJECT_USCC)
                                .findFirst()
                                .orElseThrow()));
        assertThat(uscc.ruleEn()).contains("check character");
        assertThat(uscc.choices()).isEmpty();
    }

    @Test
    void aStrictCodeListIsOfferedAsStrictChoices() {
        FieldGuide kind = FieldGuide.of(registry.get("national-penalty")).stream()
                .filter(g -> g.field() == CanonicalField.SUBJECT_KIND)
                .findFirst()
                .orElseThrow();

        assertThat(kind.choices()).containsExactly("法人及非法人组织", "个体工商户", "自然人");
        assertThat(kind.strictChoices()).isTrue();
        assertThat(kind.required()).isTrue();
    }
}
