using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>
/// Turns a page's extracted links into normalised targets with their role. Root-relative references made of
/// plain URL characters (most links on government sites) are joined to the page's origin without parsing a
/// <see cref="Uri"/>: the result is what <see cref="CrawlUrl.Resolve"/> would give, at a fraction of the cost.
/// </summary>
public sealed class LinkResolver(CrawlScope scope)
{
    public ResolvedLink[] Resolve(IReadOnlyList<ExtractedLink> links, Uri pageUrl, string? baseHref)
    {
        var baseUri = pageUrl;
        if (baseHref is not null && Uri.TryCreate(pageUrl, baseHref, out var declared))
        {
            baseUri = declared;
        }

        var origin = Origin(baseUri);
        var sameHostInScope = scope.Contains(baseUri);
        string? page = null;
        var resolved = buffer ??= new List<ResolvedLink>(64);
        resolved.Clear();
        foreach (var link in links)
        {
            string target;
            bool inScope;
            var fast = Simple(link.Reference);
            if (fast >= 0)
            {
                target = string.Concat(origin, link.Reference.AsSpan(0, fast));
                inScope = sameHostInScope;
                if (IsFile(target))
                {
                    resolved.Add(new ResolvedLink(target, link.Source, link.Text, link.Source == LinkSource.Form ? LinkRole.Form : LinkRole.Check, inScope));
                    continue;
                }
            }
            else
            {
                if (CrawlUrl.Resolve(baseUri, link.Reference) is not { } slow || !Uri.TryCreate(slow, UriKind.Absolute, out var uri))
                {
                    continue;
                }

                target = slow;
                inScope = scope.Contains(uri);
                if (CrawlUrl.LooksLikeFile(uri))
                {
                    resolved.Add(new ResolvedLink(target, link.Source, link.Text, link.Source == LinkSource.Form ? LinkRole.Form : LinkRole.Check, inScope));
                    continue;
                }
            }

            var role = link.Source switch
            {
                LinkSource.Form => LinkRole.Form,
                LinkSource.Anchor or LinkSource.Area or LinkSource.Frame or LinkSource.MetaRefresh when inScope => LinkRole.Page,
                LinkSource.Other when inScope && link.PagerRel => LinkRole.Page,
                _ => LinkRole.Check,
            };

            // The text test first: most links are not pagers, and it needs no URL of the page.
            if (role == LinkRole.Page && link.Source is (LinkSource.Anchor or LinkSource.Other) && PagerLinks.LooksLikePager(link.Text, link.PagerRel)
                && PagerLinks.IsListPage(target, link.Text, link.PagerRel, page ??= CrawlUrl.Normalize(pageUrl)))
            {
                role = LinkRole.ListPage;
            }

            resolved.Add(new ResolvedLink(target, link.Source, link.Text, role, inScope));
        }

        var array = resolved.ToArray();
        resolved.Clear();
        if (resolved.Capacity > 4096)
        {
            buffer = null;
        }

        return array;
    }

    // One working list per thread: a page's links are resolved into it and copied out once.
    [ThreadStatic]
    private static List<ResolvedLink>? buffer;

    // A site's pages share one origin: normalised once per authority, not parsed again for every page.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> origins = new(StringComparer.Ordinal);

    private string Origin(Uri baseUri) =>
        origins.GetOrAdd(baseUri.GetLeftPart(UriPartial.Authority), static authority => CrawlUrl.Normalize(new Uri(authority + "/"))[..^1]);

    // The length to keep (the fragment cut off) when the reference is a plain root-relative URL, else -1.
    private static int Simple(string reference)
    {
        if (reference.Length < 1 || reference[0] != '/' || (reference.Length > 1 && reference[1] == '/'))
        {
            return -1;
        }

        var previousSlash = false;
        for (var i = 0; i < reference.Length; i++)
        {
            var c = reference[i];
            if (c == '#')
            {
                return i;
            }

            if (c == '/')
            {
                if (previousSlash)
                {
                    return -1;
                }

                previousSlash = true;
                continue;
            }

            if (c == '.' && previousSlash)
            {
                // "/./" and "/../" are dot segments a Uri would remove.
                return -1;
            }

            previousSlash = false;
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~' or '?' or '=' or '&')
            {
                continue;
            }

            return -1;
        }

        return reference[^1] == '?' ? -1 : reference.Length;
    }

    private static bool IsFile(string target)
    {
        var query = target.IndexOf('?');
        return CrawlUrl.HasFileExtension(query < 0 ? target.AsSpan() : target.AsSpan(0, query));
    }
}
