using GovEval.Sandbox.Text;

namespace GovEval.Sandbox.Sites;

/// <summary>Which article meta tag a page gets wrong.</summary>
public enum TagProblem
{
    None,
    NoArticleTitle,
    NoPubDate,
    MalformedPubDate,
    NoContentSource,
}

/// <summary>Everything planted on one article page.</summary>
public sealed class ArticleDefects
{
    public WrongForm? Typo { get; set; }
    public SensitiveTerm? Sensitive { get; set; }
    public bool LeakedPii { get; set; }
    public TagProblem Tags { get; set; }
    public bool MixedContent { get; set; }
    public List<BrokenTarget> BrokenLinks { get; } = [];
    public List<Attachment> Attachments { get; } = [];
}
