package io.huiju.bench;

import io.huiju.model.code.OrgCode;
import io.huiju.model.code.Uscc;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A penalising authority with its fixed, valid USCC (机构编制 1, 机关 1) and its document-number prefix. */
record Authority(String name, String uscc, String documentPrefix, Domain domain) {

    static final List<Authority> LONGYAN = List.of(
            of("龙岩市市场监督管理局", "350800", "00370101", "岩市监罚", Domain.MARKET),
            of("龙岩市新罗区市场监督管理局", "350802", "00370215", "岩新市监罚", Domain.MARKET),
            of("龙岩市永定区市场监督管理局", "350803", "00370327", "永市监罚", Domain.MARKET),
            of("长汀县市场监督管理局", "350821", "00370438", "汀市监罚", Domain.MARKET),
            of("上杭县市场监督管理局", "350823", "00370549", "杭市监罚", Domain.MARKET),
            of("武平县市场监督管理局", "350824", "00370651", "武市监罚", Domain.MARKET),
            of("连城县市场监督管理局", "350825", "00370762", "连市监罚", Domain.MARKET),
            of("漳平市市场监督管理局", "350881", "00370873", "漳市监罚", Domain.MARKET),
            of("龙岩市生态环境局", "350800", "00370984", "岩环罚", Domain.ENVIRONMENT),
            of("龙岩市应急管理局", "350800", "00371095", "岩应急罚", Domain.SAFETY),
            of("龙岩市交通运输局", "350800", "00371106", "岩交罚", Domain.TRANSPORT),
            of("龙岩市城市管理局", "350800", "00371217", "岩城管罚", Domain.URBAN),
            of("龙岩市卫生健康委员会", "350800", "00371328", "岩卫医罚", Domain.HEALTH),
            of("龙岩市消防救援支队", "350800", "00371439", "岩消行罚决字", Domain.FIRE),
            of("龙岩市人力资源和社会保障局", "350800", "00371541", "岩人社监罚", Domain.LABOUR),
            of("龙岩市医疗保障局", "350800", "00371652", "岩医保罚", Domain.MEDICAL_INSURANCE),
            of("龙岩市自然资源局", "350800", "00371763", "岩自然资罚", Domain.LAND),
            of("龙岩市林业局", "350800", "00371874", "岩林罚", Domain.FORESTRY),
            of("龙岩市住房和城乡建设局", "350800", "00371985", "岩建罚", Domain.CONSTRUCTION),
            of("龙岩市文化和旅游局", "350800", "00372096", "岩文旅罚", Domain.CULTURE),
            of("龙岩市农业农村局", "350800", "00372107", "岩农罚", Domain.AGRICULTURE),
            of("龙岩市公安局", "350800", "00372218", "岩公行罚决字", Domain.POLICE));

    /** The field each authority enforces in; an offence names its field, the authority follows. */
    enum Domain {
        MARKET,
        ENVIRONMENT,
        SAFETY,
        TRANSPORT,
        URBAN,
        HEALTH,
        FIRE,
        LABOUR,
        MEDICAL_INSURANCE,
        LAND,
        FORESTRY,
        CONSTRUCTION,
        CULTURE,
        AGRICULTURE,
        POLICE
    }

    private static final Map<Domain, List<Authority>> BY_DOMAIN =
            LONGYAN.stream().collect(Collectors.groupingBy(Authority::domain));

    static List<Authority> in(Domain domain) {
        return BY_DOMAIN.get(domain);
    }

    private static Authority of(String name, String region, String orgBody, String prefix, Domain domain) {
        String first17 = "11" + region + orgBody + OrgCode.checkCharacter(orgBody);
        return new Authority(name, first17 + Uscc.checkCharacter(first17), prefix, domain);
    }
}
