namespace GovEval.Core.Scoring;

/// <summary>How reports and change attribution name an indicator's status for their Chinese readers.</summary>
public static class StatusNames
{
    public static string Of(NodeStatus status) => status switch
    {
        NodeStatus.Scored => "已评分",
        NodeStatus.NotApplicable => "不适用",
        NodeStatus.NotMeasured => "未测量",
        NodeStatus.GatedOff => "未达加分条件",
        NodeStatus.VetoHit => "否决项命中",
        NodeStatus.VetoClear => "否决项未命中",
        NodeStatus.VetoCandidate => "否决项待确认",
        _ => status.ToString(),
    };
}
