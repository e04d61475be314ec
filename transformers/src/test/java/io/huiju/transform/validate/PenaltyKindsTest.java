package io.huiju.transform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.transform.validate.PenaltyKinds.Legacy;
import io.huiju.transform.validate.PenaltyKinds.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PenaltyKindsTest {

    @Test
    void theStatutoryListIsThe2021LawPlusOther() {
        assertThat(PenaltyKinds.STATUTORY).hasSize(14).startsWith("警告", "通报批评").endsWith("行政拘留", "其他");
    }

    @Test
    void everyStatutoryKindIsReadAsItself() {
        Parsed parsed = PenaltyKinds.parse(String.join("、", PenaltyKinds.STATUTORY), null);

        assertThat(parsed.kinds()).isEqualTo(PenaltyKinds.STATUTORY);
        assertThat(parsed.legacy()).isEmpty();
        assertThat(parsed.unknown()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"警告、罚款", "警告，罚款", "警告,罚款", "警告；罚款", "警告;罚款", "警告/罚款", "警告 罚款", " 警告\t、 罚款 "})
    void splitsOnEverySeparatorDepartmentsUse(String text) {
        assertThat(PenaltyKinds.parse(text, null).kinds()).containsExactly("警告", "罚款");
    }

    @Test
    void keepsInputOrderAndDropsDuplicates() {
        assertThat(PenaltyKinds.parse("罚款、警告、罚款、其它", null).kinds()).containsExactly("罚款", "警告", "其他");
    }

    @Test
    void theOldConfiscationItemIsTwoCurrentKinds() {
        Parsed parsed = PenaltyKinds.parse("没收违法所得、没收非法财物", null);

        assertThat(parsed.kinds()).containsExactly("没收违法所得", "没收非法财物");
        assertThat(parsed.legacy()).isEmpty();
    }

    @Test
    void otherPenaltiesByLawIsOneItemDespiteItsComma() {
        Parsed parsed = PenaltyKinds.parse("警告、法律、行政法规规定的其他行政处罚", null);

        assertThat(parsed.kinds()).containsExactly("警告", "其他");
        assertThat(parsed.unknown()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"暂扣或者吊销许可证、暂扣或者吊销执照", "暂扣或吊销许可证、执照", "暂扣或吊销许可证，执照", "暂扣或者吊销许可证", "暂扣或吊销执照"})
    void suspendOrRevokeIsOneOldItemReadAsSuspensionWhenTheContentDoesNotSay(String text) {
        Parsed parsed = PenaltyKinds.parse(text, "责令改正");

        assertThat(parsed.kinds()).containsExactly("暂扣许可证件");
        assertThat(parsed.legacy()).containsExactly(new Legacy(text, List.of("暂扣许可证件")));
        assertThat(parsed.unknown()).isEmpty();
    }

    @Test
    void suspendOrRevokeFollowsTheContent() {
        assertThat(PenaltyKinds.parse("暂扣或吊销许可证、执照", "吊销《食品经营许可证》").kinds()).containsExactly("吊销许可证件");
        assertThat(PenaltyKinds.parse("暂扣或吊销许可证、执照", "暂扣《道路运输证》三个月").kinds()).containsExactly("暂扣许可证件");
        assertThat(PenaltyKinds.parse("暂扣或吊销许可证、执照", "暂扣许可证一个月，吊销营业执照").kinds()).containsExactly("暂扣许可证件", "吊销许可证件");
    }

    @Test
    void contentThatOnlyRepeatsTheOldNameDoesNotDecide() {
        assertThat(PenaltyKinds.parse("暂扣或吊销许可证、执照", "暂扣或吊销许可证、执照").kinds()).containsExactly("暂扣许可证件");
    }

    @Test
    void singleOldLicenceNamesMapToTheCurrentKind() {
        Parsed parsed = PenaltyKinds.parse("吊销营业执照、暂扣许可证", null);

        assertThat(parsed.kinds()).containsExactly("吊销许可证件", "暂扣许可证件");
        assertThat(parsed.legacy()).extracting(Legacy::given).containsExactly("吊销营业执照", "暂扣许可证");
    }

    @Test
    void confiscationAloneFollowsTheContentElseBoth() {
        assertThat(PenaltyKinds.parse("没收", "没收违法所得5000元").kinds()).containsExactly("没收违法所得");
        assertThat(PenaltyKinds.parse("没收", "没收非法财物（假冒商品120件）").kinds()).containsExactly("没收非法财物");
        assertThat(PenaltyKinds.parse("没收", null).kinds()).containsExactly("没收违法所得", "没收非法财物");
        assertThat(PenaltyKinds.parse("没收", null).legacy()).hasSize(1);
    }

    @Test
    void unknownNamesAreCollectedOnce() {
        Parsed parsed = PenaltyKinds.parse("警告、训诫、训诫、责令改正", null);

        assertThat(parsed.kinds()).containsExactly("警告");
        assertThat(parsed.unknown()).containsExactly("训诫", "责令改正");
    }

    @Test
    void nothingIsNothing() {
        assertThat(PenaltyKinds.parse(null, null)).isEqualTo(new Parsed(List.of(), List.of(), List.of()));
    }
}
