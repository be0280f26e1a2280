using System.Text;

namespace GovEval.PortalBench;

/// <summary>
/// Made-up Chinese government prose for the generated portal: titles and paragraphs assembled from a fixed word
/// list by a seeded random source, so the portal reads like a 政府门户网站 without a sentence of anyone's text.
/// </summary>
public sealed class PortalText(Random random)
{
    private static readonly string[] Subjects =
    [
        "市人民政府", "市政府办公室", "市发展和改革委员会", "市教育局", "市科学技术局", "市工业和信息化局", "市民政局", "市司法局",
        "市财政局", "市人力资源和社会保障局", "市自然资源局", "市生态环境局", "市住房和城乡建设局", "市交通运输局", "市水务局",
        "市农业农村局", "市商务局", "市文化广电旅游体育局", "市卫生健康委员会", "市应急管理局", "市市场监督管理局", "市医疗保障局",
        "市政务服务数据管理局", "市统计局", "市信访局",
    ];

    private static readonly string[] Actions =
    [
        "关于印发", "关于进一步加强", "关于做好", "关于开展", "关于公布", "关于征求", "关于调整", "关于实施", "关于组织", "关于推进",
    ];

    private static readonly string[] Topics =
    [
        "优化营商环境", "政务公开", "乡村振兴", "安全生产", "城市更新", "基层治理", "数字政府建设", "就业创业", "养老服务",
        "义务教育", "医疗保障", "生态环境保护", "防汛防台风", "消费扶贫", "科技创新", "人才引进", "住房保障", "交通综合治理",
        "食品药品安全", "社会信用体系建设", "政府信息公开", "一网通办", "民生实事", "财政预算", "重点项目建设",
    ];

    private static readonly string[] Kinds =
    [
        "工作方案的通知", "实施意见", "管理办法", "工作的通知", "情况的报告", "专项行动方案", "若干措施", "意见的公告",
        "实施细则", "工作要点",
    ];

    private static readonly string[] Phrases =
    [
        "深入贯彻落实党中央、国务院决策部署", "坚持以人民为中心的发展思想", "进一步提高政务服务水平", "推动各项政策措施落地见效",
        "切实加强组织领导", "压实工作责任", "强化督促检查", "及时总结推广经验做法", "不断增强人民群众的获得感、幸福感、安全感",
        "按照统一部署", "结合本地区实际", "加快推进", "全面落实", "各区、各部门要高度重视", "确保各项任务按期完成",
        "广泛听取社会各界意见", "依法依规开展", "做好信息公开工作", "建立健全长效机制", "加大政策宣传解读力度",
        "优化办事流程", "减少申请材料", "压缩办理时限", "实现“一次办好”", "提升群众满意度",
    ];

    public string Subject() => Subjects[random.Next(Subjects.Length)];

    /// <summary>A notice title: 市财政局关于进一步加强财政预算工作的通知.</summary>
    public string Title()
    {
        var title = new StringBuilder(40);
        title.Append(Subject()).Append(Actions[random.Next(Actions.Length)]).Append(Topics[random.Next(Topics.Length)]);
        return title.Append(Kinds[random.Next(Kinds.Length)]).ToString();
    }

    /// <summary>A news headline: 市教育局召开义务教育工作推进会.</summary>
    public string Headline()
    {
        string[] verbs = ["召开", "部署", "推进", "开展", "举行", "调研"];
        string[] events = ["工作推进会", "专题会议", "现场会", "培训班", "督导检查", "座谈会"];
        return string.Concat(Subject(), verbs[random.Next(verbs.Length)], Topics[random.Next(Topics.Length)], events[random.Next(events.Length)]);
    }

    public string Paragraph()
    {
        var paragraph = new StringBuilder(240);
        var sentences = random.Next(3, 6);
        for (var s = 0; s < sentences; s++)
        {
            var clauses = random.Next(2, 4);
            for (var c = 0; c < clauses; c++)
            {
                paragraph.Append(Phrases[random.Next(Phrases.Length)]).Append(c == clauses - 1 ? '。' : '，');
            }
        }

        return paragraph.ToString();
    }

    public string Topic() => Topics[random.Next(Topics.Length)];
}
