package io.huiju.bench;

import java.util.List;
import java.util.SplittableRandom;

/** The Longyan divisions (CREDIT-DATA §5) subjects are registered in, with a few towns each for the facts. */
record Region(String code, String namePrefix, String countyName, int weight, List<String> towns) {

    static final List<Region> LONGYAN = List.of(
            new Region("350802", "龙岩市新罗区", "新罗区", 35, List.of("西陂街道", "东城街道", "中城街道", "南城街道", "铁山镇", "适中镇", "雁石镇")),
            new Region("350803", "龙岩市永定区", "永定区", 10, List.of("凤城街道", "坎市镇", "高头乡", "湖坑镇")),
            new Region("350821", "长汀县", "长汀县", 10, List.of("汀州镇", "大同镇", "河田镇", "古城镇")),
            new Region("350823", "上杭县", "上杭县", 12, List.of("临城镇", "临江镇", "蛟洋镇", "古田镇")),
            new Region("350824", "武平县", "武平县", 8, List.of("平川街道", "中山镇", "十方镇")),
            new Region("350825", "连城县", "连城县", 8, List.of("莲峰镇", "北团镇", "姑田镇", "朋口镇")),
            new Region("350881", "漳平市", "漳平市", 9, List.of("菁城街道", "桂林街道", "永福镇", "新桥镇")),
            new Region("350800", "龙岩市", "龙岩市", 8, List.of("龙岩高新区", "龙岩经济技术开发区", "龙门镇")));

    private static final int TOTAL_WEIGHT =
            LONGYAN.stream().mapToInt(Region::weight).sum();

    static Region pick(SplittableRandom r) {
        int n = r.nextInt(TOTAL_WEIGHT);
        for (Region region : LONGYAN) {
            n -= region.weight;
            if (n < 0) {
                return region;
            }
        }
        throw new IllegalStateException("weights");
    }

    String town(SplittableRandom r) {
        return countyName + towns.get(r.nextInt(towns.size()));
    }
}
