package org.ecoledger.api.demo;

import java.util.List;

/**
 * The words of the demo city's entries: meeting topics, what an inspection found, the tasks of a responsibility
 * letter, the problems of inspection cases and listed supervision — in the language of the seed documents (003's
 * duties, 000's responsibility letters, 002's inspection cases, 004's grassroots work).
 */
final class DemoTexts {

    private DemoTexts() {
    }

    static final List<String> PARTY_TOPICS = List.of("传达学习中央环保督察反馈意见并研究整改落实",
            "听取全市（县）生态环境保护工作情况汇报", "研究部署大气污染防治攻坚行动", "研究水污染防治和河长制落实工作",
            "研究土壤污染防治行动计划实施方案", "研究生态环境保护“党政同责、一岗双责”落实情况",
            "审议生态环境保护目标责任书考核结果", "研究生态环境损害责任追究工作");
    static final List<String> GOVERNMENT_TOPICS = List.of("研究燃煤锅炉淘汰和清洁取暖工作", "部署“散乱污”企业综合整治",
            "研究秸秆禁烧和综合利用工作", "研究饮用水水源地保护区专项整治", "研究城乡生活垃圾和污水处理设施建设",
            "研究重污染天气应急预案修订", "研究生态环境保护专项资金安排", "研究近岸海域污染防治工作");
    static final List<String> JOINT_TOPICS = List.of("研究部署辖区秸秆禁烧工作", "研究农村人居环境整治工作",
            "研究河道垃圾清理和河长巡河工作", "研究“散乱污”企业排查整治", "研究农村生活垃圾治理工作",
            "研究畜禽养殖污染治理工作", "研究落实中央环保督察交办件整改", "研究冬季清洁取暖“双代”工作");
    static final List<String> DEPARTMENT_TOPICS = List.of("研究本系统“管行业必须管环保”职责落实", "研究本系统环境风险隐患排查",
            "研究督察整改任务分解落实", "研究本系统污染防治攻坚任务", "听取下属单位生态环境保护工作汇报",
            "研究生态环境保护执法检查计划");
    static final List<String> DISPATCH_TOPICS = List.of("分析本月空气质量排名并调度重点任务", "调度水污染防治重点工程进度",
            "调度中央环保督察交办件办理进度", "分析重点污染源在线监测数据", "调度“散乱污”企业整治进度");

    static final List<String> FINDINGS = List.of("河道两岸堆放生活垃圾，责令三日内清理完毕", "燃煤锅炉淘汰进度滞后，要求限期完成",
            "检查“散乱污”企业取缔情况，未发现反弹", "发现露天焚烧秸秆火点一处，已现场处置", "污水处理厂在线监测设备运行正常",
            "养殖场粪污直排沟渠，责令停产整改", "建筑工地扬尘治理措施落实不到位，责令整改", "饮用水水源地保护区标识缺失，要求补设",
            "企业危险废物台账不规范，要求完善", "检查重污染天气应急减排措施落实情况", "入海河流断面水质达标，要求持续巡查",
            "矿山生态修复进度符合计划");
    static final List<String> INSPECTION_SITES = List.of("污水处理厂", "垃圾填埋场", "工业园区", "石材加工企业", "养殖小区",
            "河道断面", "饮用水水源地", "建筑工地", "砖厂", "铸造企业", "入海河口", "矿山修复区");
    static final List<String> PATROLS = List.of("巡河：河道清洁，无垃圾堆放", "巡查：秸秆禁烧，未发现火点",
            "巡查：村内垃圾清运及时", "巡河：发现漂浮物一处，已组织清理", "巡查：散养畜禽粪污收集情况良好");

    static final List<String> CITY_TASKS = List.of("PM2.5年均浓度同比下降5%以上", "全面完成中央环保督察反馈问题整改",
            "地表水国省考断面水质达标", "近岸海域水质优良比例稳定", "完成燃煤锅炉淘汰和清洁取暖改造任务",
            "完成主要污染物总量减排任务");
    static final List<String> COUNTY_TASKS = List.of("空气质量综合指数同比改善", "“散乱污”企业动态清零", "河长制湖长制全面落实",
            "完成农村清洁取暖“双代”改造任务", "饮用水水源地保护区专项整治", "完成督察交办件整改销号");
    static final List<String> TOWNSHIP_TASKS = List.of("秸秆禁烧“零火点”", "农村生活垃圾日产日清", "河道“清四乱”常态化",
            "散煤替代任务按期完成", "畜禽养殖粪污资源化利用", "督察交办件按期整改销号");
    static final List<String> DEPARTMENT_TASKS = List.of("落实“管行业必须管环保”职责", "完成本系统污染防治攻坚任务",
            "本系统环境风险隐患排查整治", "配合完成督察整改任务");
    static final List<String> VILLAGE_TASKS = List.of("村庄保洁常态化", "秸秆禁烧“零火点”", "河道巡查每月不少于两次",
            "畜禽散养粪污规范收集");

    static final List<String> PETITIONS = List.of("群众反映{}附近企业夜间偷排废水", "群众反映{}养殖场粪污直排",
            "群众反映{}河道倾倒建筑垃圾", "群众反映{}石材厂粉尘污染", "群众反映{}露天烧烤油烟扰民",
            "群众反映{}小作坊无证生产、废气扰民", "群众反映{}垃圾堆放点渗滤液污染", "群众反映{}非法采砂破坏河床",
            "群众反映{}砖厂烟尘污染", "群众反映{}燃煤锅炉冒黑烟");
    static final List<String> FEEDBACK_ISSUES = List.of("部分县区黑臭水体治理进展滞后", "工业园区污水集中处理设施建设滞后",
            "矿山生态修复不到位", "城市建成区燃煤锅炉淘汰不彻底", "近岸海域入海排污口排查整治不到位");
    static final List<String> LISTED_PROBLEMS = List.of("黑臭水体治理", "垃圾填埋场渗滤液污染", "石材企业粉尘污染",
            "铸造企业无组织排放", "河道非法采砂", "畜禽养殖污染");

    static final List<String> AUDIT_FINDINGS = List.of("任期内辖区空气质量综合指数有所改善", "自然资源资产管理台账基本健全",
            "个别年度减排任务完成滞后", "生态环境保护专项资金使用基本规范", "督察交办件整改按期销号",
            "部分河道垃圾清理不及时");
}
