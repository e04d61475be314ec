package io.huiju.bench;

import io.huiju.model.SubjectKind;
import io.huiju.model.code.OrgCode;
import io.huiju.model.code.ResidentId;
import io.huiju.model.code.Uscc;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Fixed populations of companies, individual businesses and people, each member derived from its number alone, so
 * the same subject comes back with the same name and code whenever it is penalised again.
 */
final class Subjects {

    static final int COMPANIES = 100_000;
    static final int SHOPS = 30_000;
    static final int PEOPLE = 200_000;

    /** Characters allowed in a USCC body (GB 32100: no I, O, Z, S, V). */
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1955, 1, 1);
    private static final int BIRTH_SPAN_DAYS =
            (int) (LocalDate.of(2005, 12, 31).toEpochDay() - OLDEST_BIRTH.toEpochDay());

    private static final String[] SURNAMES = {
        "林", "林", "林", "陈", "陈", "陈", "吴", "吴", "张", "张", "李", "李", "黄", "黄", "邱", "邱", "赖", "罗", "郭",
        "卢", "钟", "温", "廖", "江", "蓝", "章", "傅", "王", "刘", "刘", "谢", "曾", "杨", "游", "饶", "蔡", "郑", "翁"
    };
    private static final String[] MALE = {
        "伟", "强", "军", "斌", "勇", "杰", "涛", "明", "华", "平", "建华", "志强", "文斌", "国平", "永辉", "海峰", "俊杰", "宏伟", "金水", "福生",
        "荣华", "德明", "春生", "长青", "晓东", "天佑", "锦辉", "子轩", "浩然", "炳坤", "火旺", "添财"
    };
    private static final String[] FEMALE = {
        "芳", "敏", "静", "丽", "燕", "艳", "娟", "霞", "婷", "秀英", "美玲", "丽华", "春梅", "秋菊", "晓燕", "雪梅", "玉兰", "桂英", "慧敏", "雅琴",
        "思涵", "欣怡", "梦琪", "淑贞", "惠珍", "月娥"
    };
    private static final String[] TRADE_NAMES = {
        "鑫隆", "恒达", "永盛", "金凯", "闽西", "客家", "龙腾", "天诚", "宏远", "华兴", "鼎盛", "瑞丰", "嘉禾", "顺发", "裕兴",
        "佳美", "新源", "康达", "博创", "盛世", "福泰", "冠华", "荣昌", "聚源", "协力", "长青", "万通", "宝龙", "通达", "兴业",
        "昌隆", "益民", "德润", "和顺", "金丰", "山海", "汀江", "冠豸", "古田", "紫云", "九龙", "红土", "翠屏", "莲峰"
    };
    private static final String[] INDUSTRIES = {
        "贸易", "商贸", "建材", "食品", "餐饮管理", "建筑工程", "物流", "运输", "机械制造", "电子科技", "农业发展", "林业开发",
        "矿业", "化工", "医药", "酒店管理", "房地产开发", "装饰工程", "环保科技", "汽车服务", "网络科技", "茶业", "水泥", "纺织",
        "印务", "文化传媒", "劳务", "石材", "烟花爆竹", "医疗器械"
    };
    private static final String[] FORMS = {"有限公司", "有限公司", "有限公司", "有限公司", "有限公司", "有限公司", "有限责任公司", "有限责任公司", "股份有限公司"
    };
    private static final String[] SHOPS_KINDS = {
        "小吃店", "便利店", "五金店", "餐馆", "水果店", "副食店", "理发店", "服装店", "建材店", "汽车修理店", "茶叶店", "烟酒商行", "农资店", "早餐店", "烧烤店",
        "美容店", "粮油店", "手机店"
    };

    private Subjects() {}

    static Subject company(int id) {
        SplittableRandom r = new SplittableRandom(0xC0_4D_A7L * 1_000_003L + id);
        Region region = Region.pick(r);
        String name = region.namePrefix() + Pick.one(r, TRADE_NAMES) + Pick.one(r, INDUSTRIES) + Pick.one(r, FORMS);
        if (r.nextInt(20) == 0) {
            name = name + region.countyName().substring(0, 2) + "分公司";
        }
        boolean newStyle = r.nextBoolean();
        String body = newStyle ? "MA" + uscc(r, 6) : (char) ('1' + r.nextInt(7)) + Pick.digits(r, 7);
        Person rep = person(PEOPLE + id);
        return new Subject(
                SubjectKind.LEGAL_PERSON, name, uscc("91", region, body), rep.name, rep.idNumber, "", region);
    }

    static Subject shop(int id) {
        SplittableRandom r = new SplittableRandom(0x5_40_9L * 1_000_003L + id);
        Region region = Region.pick(r);
        Person operator = person(PEOPLE + COMPANIES + id);
        String trade = r.nextBoolean() ? Pick.one(r, TRADE_NAMES) : operator.name.substring(0, 1) + "记";
        String name = region.countyName() + trade + Pick.one(r, SHOPS_KINDS);
        return new Subject(
                SubjectKind.INDIVIDUAL_BUSINESS,
                name,
                uscc("92", region, "MA" + uscc(r, 6)),
                operator.name,
                operator.idNumber,
                "",
                region);
    }

    static Subject naturalPerson(int id) {
        Person p = person(id);
        return new Subject(SubjectKind.NATURAL_PERSON, p.name, "", "", "", p.idNumber, p.region);
    }

    /** A USCC-shaped code with a wrong check character: what a typing slip produces. */
    static String corruptCheck(String uscc, SplittableRandom r) {
        char right = uscc.charAt(17);
        char wrong;
        do {
            wrong = USCC_CHARS.charAt(r.nextInt(USCC_CHARS.length()));
        } while (wrong == right);
        return uscc.substring(0, 17) + wrong;
    }

    private static String uscc(String prefix, Region region, String orgBody) {
        String first17 = prefix + region.code() + orgBody + OrgCode.checkCharacter(orgBody);
        return first17 + Uscc.checkCharacter(first17);
    }

    private static String uscc(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(USCC_CHARS.charAt(r.nextInt(USCC_CHARS.length())));
        }
        return b.toString();
    }

    private record Person(String name, String idNumber, Region region) {}

    private static Person person(int id) {
        SplittableRandom r = new SplittableRandom(0x9E_0_91EL * 1_000_003L + id);
        Region region = Region.pick(r);
        boolean male = r.nextBoolean();
        String name = Pick.one(r, SURNAMES) + Pick.one(r, male ? MALE : FEMALE);
        LocalDate birth = OLDEST_BIRTH.plusDays(r.nextInt(BIRTH_SPAN_DAYS + 1));
        int sequence = 1 + r.nextInt(499) * 2 + (male ? 0 : 1); // odd for men, even for women (GB 11643)
        String first17 = areaCode(region, birth, r)
                + birth.format(BASIC)
                + (sequence < 10 ? "00" : sequence < 100 ? "0" : "")
                + sequence;
        return new Person(name, first17 + ResidentId.checkCharacter(first17), region);
    }

    /** The code the number was issued under: 永定 was a county (350822) until 2014, 龙岩市 was 352601 before 1996. */
    private static String areaCode(Region region, LocalDate birth, SplittableRandom r) {
        return switch (region.code()) {
            case "350803" -> "350822";
            case "350800" -> "350802";
            case "350802" -> birth.getYear() < 1990 && r.nextInt(5) == 0 ? "352601" : "350802";
            default -> region.code();
        };
    }
}
