using GovEval.Checks.Columns;

namespace GovEval.Checks.Tests.Columns;

public sealed class ColumnClassifierTests
{
    [Theory]
    [InlineData("政务要闻", ColumnClass.News)]
    [InlineData("工作动态", ColumnClass.News)]
    [InlineData("部门动态", ColumnClass.News)]
    [InlineData("乡镇动态", ColumnClass.News)]
    [InlineData("媒体关注", ColumnClass.News)]
    [InlineData("通知公告", ColumnClass.Notice)]
    [InlineData("公示公告", ColumnClass.Notice)]
    [InlineData("政策文件", ColumnClass.Policy)]
    [InlineData("政策解读", ColumnClass.Policy)]
    [InlineData("规范性文件", ColumnClass.Policy)]
    [InlineData("人事信息", ColumnClass.Personnel)]
    [InlineData("规划计划", ColumnClass.Plan)]
    [InlineData("机构概况", ColumnClass.Static)]
    [InlineData("领导信息", ColumnClass.Static)]
    [InlineData("政务咨询", ColumnClass.Interaction)]
    [InlineData("领导信箱", ColumnClass.Interaction)]
    [InlineData("网上信访", ColumnClass.Interaction)]
    [InlineData("在线访谈", ColumnClass.Interaction)]
    [InlineData("调查征集", ColumnClass.Interaction)]
    [InlineData("政府信息公开年报", ColumnClass.Other)]
    [InlineData("统计数据", ColumnClass.Other)]
    [InlineData("财政资金", ColumnClass.Other)]
    [InlineData("", ColumnClass.Other)]
    public void Classifies_by_name(string name, ColumnClass expected) => Assert.Equal(expected, ColumnClassifier.Classify(name));

    [Theory]
    [InlineData("政务咨询", true)]
    [InlineData("领导信箱", true)]
    [InlineData("咨询投诉", true)]
    [InlineData("网上信访", false)]
    [InlineData("纪检举报", false)]
    [InlineData("在线访谈", false)]
    [InlineData("调查征集", false)]
    public void Knows_consultation_channels(string name, bool expected) => Assert.Equal(expected, ColumnClassifier.IsConsultation(name));
}
