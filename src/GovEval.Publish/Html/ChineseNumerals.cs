using System.Globalization;

namespace GovEval.Publish.Html;

/// <summary>Ranks as the release prints them: 第一名, 第十名, 第十一名, 第二十名, 第一百零五名.</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";
    private static readonly string[] Places = ["", "十", "百", "千"];

    public static string Ordinal(int rank) => $"第{Format(rank)}名";

    /// <summary>1–9999 in Chinese numerals; other numbers in Arabic digits (no release lists that many ranks).</summary>
    public static string Format(int number)
    {
        if (number is <= 0 or > 9999)
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        var text = "";
        var pendingZero = false;
        for (var place = 3; place >= 0; place--)
        {
            var digit = number / (int)Math.Pow(10, place) % 10;
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                text += "零";
                pendingZero = false;
            }

            text += Digits[digit] + Places[place];
        }

        // 10–19 read 十, 十一, … not 一十, 一十一.
        return number is >= 10 and < 20 ? text[1..] : text;
    }
}
