using System.Xml;

namespace GovEval.Collect.Crawling;

/// <summary>Reads the &lt;loc&gt; entries of a sitemap (XML, no DTDs), the crawler's second source of seeds.</summary>
public static class SitemapReader
{
    public static IReadOnlyList<string> Locations(ReadOnlyMemory<byte> xml, int max)
    {
        var locations = new List<string>();
        try
        {
            using var stream = new MemoryStream(xml.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            while (reader.Read() && locations.Count < max)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc")
                {
                    var value = reader.ReadElementContentAsString().Trim();
                    if (value.Length > 0)
                    {
                        locations.Add(value);
                    }
                }
            }
        }
        catch (XmlException)
        {
            // A broken sitemap gives what was read before the error: seeds are a help, not a requirement.
        }

        return locations;
    }
}
