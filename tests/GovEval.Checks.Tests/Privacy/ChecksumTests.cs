using GovEval.Checks.Privacy;

namespace GovEval.Checks.Tests.Privacy;

public sealed class ChecksumTests
{
    private static readonly DateOnly Today = new(2020, 11, 30);

    [Theory]
    [InlineData("44030119800101123X", true)]
    [InlineData("44030119800101123x", true)]
    [InlineData("11010519491231002X", true)]
    [InlineData("440301198001011234", false)] // wrong check character
    [InlineData("440301198013011230", false)] // month 13
    [InlineData("990301198001011234", false)] // no province 99
    [InlineData("440301205001011232", false)] // born in the future (checksum right)
    [InlineData("4403011980010112", false)]
    public void Citizen_id_needs_province_date_and_check_character(string value, bool valid) =>
        Assert.Equal(valid, CitizenId.IsValid(value, Today));

    [Fact]
    public void Citizen_id_check_character_follows_gb_11643()
    {
        Assert.Equal('X', CitizenId.CheckCharacter("44030119800101123"));
        Assert.Equal("4403**********123X", CitizenId.Mask("44030119800101123X"));
    }

    [Theory]
    [InlineData("6222021234567890128", true)]
    [InlineData("6217000000123451", true)]
    [InlineData("4111111111111111", true)]
    [InlineData("5500000000000004", true)]
    [InlineData("3530111333300000", true)]     // JCB 3528–3589
    [InlineData("6222021234567890127", false)] // Luhn fails
    [InlineData("1234567890123452", false)]    // Luhn holds but no card scheme starts with 1
    [InlineData("622202123456789", false)]     // 15 digits
    [InlineData("3501282019000572019", false)] // a project code: Luhn holds, but 3501 is no JCB range
    [InlineData("5500000000000000004", false)] // Mastercard issues 16 digits only
    [InlineData("41111111111111113", false)]   // Visa issues 16 or 19 digits, not 17
    public void Bank_card_needs_an_issuers_prefix_its_length_and_luhn(string digits, bool valid) =>
        Assert.Equal(valid, BankCards.IsCardNumber(digits, CardDictionaries.Default));

    [Fact]
    public void Luhn_rejects_non_digits() => Assert.False(Luhn.IsValid("6222a21234567890128"));

    [Fact]
    public void Scanner_never_returns_the_full_value()
    {
        var hits = PiiScanner.Find("身份证44030119800101123X 手机13812345678 卡号6222021234567890128", Today);
        Assert.Equal([PiiKind.CitizenId, PiiKind.Mobile, PiiKind.BankCard], hits.Select(h => h.Kind).ToList());
        Assert.Equal(["4403**********123X", "138****5678", "6222***********0128"], hits.Select(h => h.Masked).ToList());
    }

    [Theory]
    [InlineData("138****5678")]
    [InlineData("440301********123X")]
    [InlineData("6222 **** **** 1234")]
    [InlineData("电话 0755-13812345678")] // not a mobile after an area code and hyphen
    [InlineData("1381234567")]           // 10 digits
    [InlineData("123813812345678")]      // inside a longer number
    [InlineData("12812345678")]          // no mobile network starts 12
    [InlineData("项目编号：6222021234567890128")] // a code, though a UnionPay prefix and Luhn hold
    [InlineData("准考证号 6217000000123451")]
    [InlineData("4111111111111111")]     // a foreign scheme needs a card word to count
    [InlineData("户名：某某市财政局 开户行：中国银行 账号：6222021234567890128")] // an organisation's published account
    [InlineData("对公账户：6217000000123451")]
    public void Scanner_ignores_masked_and_non_personal_numbers(string text) => Assert.Empty(PiiScanner.Find(text, Today));

    [Theory]
    [InlineData("6222021234567890128")]  // UnionPay counts alone
    [InlineData("卡号：4111111111111111")] // a foreign scheme with a card word
    [InlineData("户名：张三 开户行：中国银行 账号：6222021234567890128")]
    [InlineData("项目编号对应的收款账号：6222021234567890128")] // the word nearest the number decides
    public void Scanner_finds_a_persons_card(string text) =>
        Assert.Equal(PiiKind.BankCard, Assert.Single(PiiScanner.Find(text, Today)).Kind);
}
