using GovEval.Sandbox.Determinism;

namespace GovEval.Sandbox.Text;

/// <summary>
/// The plain official prose pages are made of. Every phrase is checked by a test against the word lists, so
/// clean pages never carry a planted-looking error by accident.
/// </summary>
public static class PhraseBank
{
    public static IReadOnlyList<string> Topics { get; } =
    [
        "安全生产", "优化营商环境", "乡村振兴", "疫情防控", "河湖长制", "生态环境保护", "招商引资", "重点项目建设",
        "防汛抗旱", "森林防火", "食品安全", "就业创业", "社会保障", "教育发展", "文明城市创建", "垃圾分类",
        "数字政府建设", "政务公开", "审批服务", "民生实事", "消防安全", "冬季供暖", "农村人居环境整治", "信用体系建设",
        "市场监管", "科技创新", "文化旅游", "医疗卫生", "养老服务", "住房保障", "交通运输", "水利工程",
    ];

    public static IReadOnlyList<string> Events { get; } =
    [
        "专题培训班", "业务技能竞赛", "政策宣讲活动", "志愿服务活动", "现场观摩会", "座谈会", "新闻发布会", "开放日活动",
    ];

    private static readonly string[] NewsTitles =
    [
        "{p}召开{t}工作会议", "{p}部署{t}重点工作", "{p}开展{t}专项检查", "{t}工作推进会召开", "{p}举办{e}",
        "{p}调研{t}工作", "{t}工作取得阶段性成效", "{p}专题研究{t}工作",
    ];

    private static readonly string[] NoticeTitles =
    [
        "关于做好{t}工作的通知", "关于开展{t}检查的通知", "关于{t}有关事项的公告", "{p}关于{t}情况的公示",
        "关于举办{t}{e}的通知",
    ];

    private static readonly string[] PolicyTitles =
    [
        "{p}关于印发《{t}实施方案》的通知", "{p}关于进一步加强{t}工作的实施意见", "{p}关于支持{t}的若干措施",
        "{p}关于印发《{t}管理办法》的通知",
    ];

    private static readonly string[] InterpretationTitles = ["《{t}实施方案》政策解读", "一图读懂《{t}管理办法》", "《关于进一步加强{t}工作的实施意见》解读"];

    private static readonly string[] PersonnelTitles = ["{p}关于工作人员职务任免的通知", "{p}{y}年公开招聘工作人员公告", "{p}{y}年公开遴选公务员公告", "{p}干部任前公示"];

    private static readonly string[] PlanTitles = ["{p}{y}年工作要点", "{t}发展规划（{y}—{y5}年）", "{p}{y}年{t}工作计划"];

    private static readonly string[] OtherTitles = ["{y}年{m}月主要统计数据", "{p}{y}年部门预算公开", "{p}{y}年部门决算公开", "{y}年{m}月财政收支情况"];

    private static readonly string[] InterviewTitles = ["在线访谈：聚焦{t}", "访谈预告：{t}政策问答", "关于{t}的意见征集", "{t}问卷调查"];

    private static readonly string[] MessageTitles =
    [
        "关于{t}的咨询", "咨询{t}办理流程", "反映{t}相关问题", "关于{t}政策的疑问", "建议加强{t}工作",
    ];

    private static readonly string[] Sentences =
    [
        "会议指出，要切实提高政治站位，把{t}工作摆在突出位置，压实各方责任。",
        "会议要求，各单位要加强统筹协调，细化工作措施，确保{t}各项任务落到实处。",
        "近年来，{p}坚持以人民为中心，扎实推进{t}工作，取得了明显成效。",
        "下一步，{p}将进一步完善工作机制，加大督促检查力度，推动{t}工作再上新台阶。",
        "活动现场，工作人员向群众发放宣传资料，耐心解答群众关心的问题。",
        "各有关部门要按照职责分工，密切配合，形成工作合力。",
        "据了解，今年以来全{r}共组织开展{t}检查多次，发现并整改问题若干项。",
        "会上，各相关单位负责人汇报了近期工作进展情况，并就下一步工作进行了交流发言。",
        "此次活动进一步增强了干部群众的责任意识，营造了良好的社会氛围。",
        "请各单位高度重视，认真组织实施，并于规定时间内报送工作情况。",
        "为深入贯彻落实上级有关决策部署，结合本地实际，制定本方案。",
        "本办法自印发之日起施行，由{p}负责解释。",
    ];

    public static string Title(ref Rng rng, TitleKind kind, string publisher, int year) => Fill(rng.Pick(kind switch
    {
        TitleKind.News => NewsTitles,
        TitleKind.Notice => NoticeTitles,
        TitleKind.Policy => PolicyTitles,
        TitleKind.Interpretation => InterpretationTitles,
        TitleKind.Personnel => PersonnelTitles,
        TitleKind.Plan => PlanTitles,
        TitleKind.Other => OtherTitles,
        TitleKind.Interview => InterviewTitles,
        _ => MessageTitles,
    }), ref rng, publisher, year);

    public static string Sentence(ref Rng rng, string publisher, string region) =>
        Fill(rng.Pick(Sentences), ref rng, publisher, 0).Replace("{r}", region, StringComparison.Ordinal);

    public static IEnumerable<string> AllSentenceTemplates => Sentences;

    public static IEnumerable<string> AllTitleTemplates =>
        NewsTitles.Concat(NoticeTitles).Concat(PolicyTitles).Concat(InterpretationTitles).Concat(PersonnelTitles)
            .Concat(PlanTitles).Concat(OtherTitles).Concat(InterviewTitles).Concat(MessageTitles);

    private static string Fill(string template, ref Rng rng, string publisher, int year) => template
        .Replace("{p}", publisher, StringComparison.Ordinal)
        .Replace("{t}", rng.Pick(Topics), StringComparison.Ordinal)
        .Replace("{e}", rng.Pick(Events), StringComparison.Ordinal)
        .Replace("{y5}", (year + 4).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{y}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{m}", rng.Next(1, 13).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

public enum TitleKind
{
    News,
    Notice,
    Policy,
    Interpretation,
    Personnel,
    Plan,
    Other,
    Interview,
    Message,
}
