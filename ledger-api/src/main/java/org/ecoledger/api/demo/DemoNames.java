package org.ecoledger.api.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 示例市的人名与地名 (names for the demo city): plausible Chinese personal names drawn from common surnames (weighted
 * roughly by their frequency in North China) and given-name characters, and fictional place names built from stems
 * that sound like real townships and villages. Every name is drawn from the generator's seeded random source, so the
 * same seed gives the same names.
 */
final class DemoNames {

    /** Common surnames and their weights (per mille of the population, rounded). */
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
        "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于",
        "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆",
        "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛",
        "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴",
        "孔", "常", "康", "齐", "牛"};
    private static final int[] SURNAME_WEIGHTS = {
        71, 70, 67, 54, 45, 31, 28, 22, 19, 20, 14, 14, 13, 12, 12, 12, 11, 11, 11,
        9, 8, 8, 7, 7, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 4, 4, 5,
        4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2,
        2, 2, 2, 2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        3, 2, 2, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1,
        1, 2, 1, 2, 2};
    private static final int SURNAME_TOTAL = java.util.Arrays.stream(SURNAME_WEIGHTS).sum();

    private static final String MALE_FIRST = "建国志海明军伟华平东林峰刚勇杰斌波磊鹏辉亮成文武新春立永宏晓振德庆学俊宇超长金守玉福树占";
    private static final String MALE_SECOND = "国强涛明军伟华平东林峰刚勇杰斌波磊鹏辉亮成文武新春生民利忠良山江河龙飞祥瑞松柏";
    private static final String FEMALE_FIRST = "丽秀春晓玉淑桂美红艳雪静海文小";
    private static final String FEMALE_SECOND = "丽芳娟敏静霞燕玲艳红梅英兰萍颖婷慧莉琳华云芬";

    /** The counties (县) and districts (区) of the demo city; the first {@value #DISTRICTS} are districts. */
    static final List<String> COUNTIES = List.of("东山", "西河", "南湖", "北岭", "青峰", "白水", "云台", "石门", "龙泉",
            "临江", "安平", "长宁", "清源", "永丰", "兴隆", "太和");
    static final int DISTRICTS = 2;

    /** Stems of township names (镇、乡、街道). */
    static final List<String> TOWNSHIP_STEMS = List.of("柳河", "石桥", "杏林", "桃园", "梨树沟", "双庙", "马坊", "大营",
            "小寨", "王庄", "朱家店", "黄土坡", "凤凰", "龙湾", "清水", "白塔", "红旗", "新集", "古城", "沙河", "高桥",
            "三里屯", "东岗", "西岗", "南关", "北关", "青石", "大柳树", "官庄", "孟家营", "前进", "长青", "太平", "永安",
            "望海", "临河", "松岭", "槐树", "枣林", "铁门", "牛头山", "燕子河", "潘家口", "刘家台", "杨各庄", "安子岭",
            "六道河", "石门寨", "柳江", "驻操营", "台营", "蛇盘兔", "安山", "留守营", "泥井", "荒佃庄", "木井", "茹荷",
            "刘台庄", "印庄", "双望", "燕河营", "石城", "陈官屯", "下寨", "木头凳", "相公庄", "潘庄", "刘家营", "陈家营",
            "白各庄", "杜庄", "坎上", "落潮", "大蒲河", "昌黎", "靖安", "荒佃", "赵家港", "团林", "龙家店", "新开口",
            "两山", "后封台", "抚宁", "榆关", "大新寨", "西关", "海阳", "东方红", "碣阳", "深河", "渤海", "城郊");

    /** Stems of village (村) and community (社区) names. */
    static final List<String> VILLAGE_STEMS = List.of("东沟", "西沟", "南台", "北台", "前营", "后营", "王家庄", "李各庄",
            "张庄", "刘庄", "马家洼", "杨树林", "柳树屯", "上庄坨", "下庄坨", "大新庄", "小新庄", "河东", "河西", "高家店",
            "孙家沟", "赵家峪", "周家湾", "槐树岭", "枣园", "梨园", "桃花峪", "石门", "营盘", "黄土营", "三岔口", "大石河",
            "小石河", "双山子", "水泉", "杏树园", "榆树底", "老君坨", "郭家场", "韩家林", "邵家庄", "马坊营", "何家沟",
            "罗家店", "宋庄", "唐庄", "许家台", "冯家堡", "曹家庄", "彭家岭", "田家湾", "董家口", "袁庄", "潘家峪",
            "蒋家堡", "蔡家坨", "杜家庄", "叶家沟", "程家台", "苏家营", "魏家庄", "吕家坨", "丁家沟", "沈家庄", "姚家洼",
            "卢家岭", "姜各庄", "崔家店", "范家庄", "金山", "石佛", "廖家湾", "贾家营", "夏家台", "白家店", "孟家沟",
            "熊家岭", "秦家堡", "邱家庄", "江家口", "尹家洼", "薛家庄", "段家店", "雷家营", "侯家台", "龙王庙", "史家峪",
            "陶家庄", "贺家沟", "顾家营", "毛家坨", "郝家店", "邵家沟", "万家庄", "钱家营", "严家洼", "武家岭", "戴家庄",
            "孔家店", "常家营", "康家庄", "齐家沟", "牛家峪", "北戴庄", "南戴庄", "东辛庄", "西辛庄", "前三里", "后三里",
            "半壁店", "四道岭", "五里营", "六里铺", "七里海", "八里庄", "九门口", "十里铺", "花果山", "青龙沟", "白龙潭",
            "黑山", "红土坡", "绿水", "青石岭", "望山", "临水", "安乐", "太平庄", "永兴", "兴旺", "丰收", "和平", "团结",
            "胜利", "光明", "建新", "新民", "兴隆庄", "长安", "富民", "向阳", "朝阳", "凤鸣", "龙泉", "泉水头", "老虎沟",
            "鹿角", "马鞍山", "牛心山", "羊山", "鸡冠山");

    private final DemoRandom random;
    private final Set<String> used = new HashSet<>();

    DemoNames(DemoRandom random) {
        this.random = random;
    }

    /**
     * A personal name not used before if one is found in a few draws (a real city has namesakes, so after that a
     * namesake is allowed).
     */
    String person(boolean female) {
        String name = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            name = surname() + given(female);
            if (used.add(name)) {
                return name;
            }
        }
        return name;
    }

    private String surname() {
        int draw = random.below(SURNAME_TOTAL);
        for (int i = 0; i < SURNAMES.length; i++) {
            draw -= SURNAME_WEIGHTS[i];
            if (draw < 0) {
                return SURNAMES[i];
            }
        }
        return SURNAMES[0];
    }

    private String given(boolean female) {
        String first = female ? FEMALE_FIRST : MALE_FIRST;
        String second = female ? FEMALE_SECOND : MALE_SECOND;
        if (random.chance(0.28)) {
            return String.valueOf(second.charAt(random.below(second.length())));
        }
        char a = first.charAt(random.below(first.length()));
        char b = second.charAt(random.below(second.length()));
        if (a == b) {
            b = second.charAt((second.indexOf(b) + 1) % second.length());
        }
        return "" + a + b;
    }

    /** {@code count} distinct stems of {@code stems}, drawn without replacement (numbered once they run out). */
    List<String> distinct(List<String> stems, int count) {
        List<String> pool = new java.util.ArrayList<>(stems);
        List<String> drawn = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (pool.isEmpty()) {
                drawn.add(stems.get(i % stems.size()) + (i / stems.size() + 1));
            } else {
                drawn.add(pool.remove(random.below(pool.size())));
            }
        }
        return drawn;
    }
}
