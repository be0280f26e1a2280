using GovEval.Checks.Interaction;

namespace GovEval.Checks.Tests.Interaction;

public sealed class MessagesTests
{
    private static readonly DateOnly Today = new(2020, 11, 30);

    [Fact]
    public void Reads_a_list_line_with_reply() =>
        Assert.Equal(new MessageDates(new DateOnly(2020, 9, 1), new DateOnly(2020, 10, 20), false),
            Messages.Read("关于2020-01-01社保的咨询 留言时间：2020-09-01 回复时间：2020-10-20", Today));

    [Fact]
    public void Reads_a_pending_line() =>
        Assert.Equal(new MessageDates(new DateOnly(2020, 6, 1), null, true), Messages.Read("留言时间：2020-06-01 状态：待回复", Today));

    [Fact]
    public void Reads_a_message_page_table() =>
        Assert.Equal(new MessageDates(new DateOnly(2020, 7, 15), new DateOnly(2020, 7, 20), false),
            Messages.Read("留言标题 咨询 留言时间 2020-07-15 留言内容 您好 答复单位 某局 答复时间 2020-07-20 答复内容 已收悉", Today));

    [Fact]
    public void A_line_without_a_submission_date_is_no_message() => Assert.Null(Messages.Read("回复时间：2020-10-20", Today));

    [Fact]
    public void A_date_far_after_the_label_is_not_its_value() =>
        Assert.Null(Messages.Read("留言时间：（未公开）本栏目自开通以来共收到大量来信，感谢关注 2020-06-01", Today));
}
