using ChatSurvey.Bot.Dashboard;
using ChatSurvey.Bot.Dashboard.Auth;
using ChatSurvey.Bot.Dashboard.Html;
using Microsoft.Extensions.Time.Testing;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>The dashboard's small rules, without a host.</summary>
public sealed class DashboardUnitTests
{
    [Theory]
    [InlineData("llámenme al 951 123 4567 por favor", "llámenme al [número oculto] por favor")]
    [InlineData("+52 (951) 123-45-67", "[número oculto]")]
    [InlineData("9511234567", "[número oculto]")]
    [InlineData("en 2022 gastaron 1,000,000 pesos", "en 2022 gastaron 1,000,000 pesos")]
    [InlineData("calle 5 de mayo 123", "calle 5 de mayo 123")]
    public void TextRedaction_PhoneLikeRuns_Hidden(string text, string expected) => Assert.Equal(expected, TextRedaction.Apply(text));

    [Theory]
    [InlineData("/staff/results?channel=web", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/staff", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SignIn_ReturnUrl_OnlyLocalPaths(string? url, bool local) => Assert.Equal(local, SignInEndpoints.IsLocal(url));

    [Fact]
    public void Markup_InterpolatedValues_EncodedButMarkupKept()
    {
        var name = "<script>alert('x')</script> & \"Radio\"";
        var html = Markup.Of($"<p title=\"{name}\">{name}{Markup.Raw("<br>")}{42}</p>");
        Assert.Equal("<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Radio&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Radio&quot;<br>42</p>", html.Value);
    }

    [Fact]
    public void HashPassword_FromStandardInput_PrintsAHashThatVerifies()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, HashPasswordCommand.Run(new StringReader("una contraseña larga\n"), output, error, fromTerminal: false));
        var hash = output.ToString().Trim();
        Assert.True(StaffPasswords.IsWellFormed(hash));
        Assert.True(StaffPasswords.Verify(hash, "una contraseña larga"));
        Assert.False(StaffPasswords.Verify(hash, "otra contraseña larga"));
        Assert.DoesNotContain("contraseña", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void HashPassword_TooShort_ExitCodeOneAndNoHash()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(1, HashPasswordCommand.Run(new StringReader("corta\n"), output, error, fromTerminal: false));
        Assert.Empty(output.ToString());
        Assert.Contains("at least 10", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lockout_AfterTheLockoutTime_NameUsableAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var lockout = new SignInLockout(new StaffOptions { MaxFailedSignIns = 3, LockoutTime = TimeSpan.FromMinutes(15) }, time);
        lockout.Failed("Ana");
        lockout.Failed("ana ");
        Assert.False(lockout.IsLocked("ana", out _));
        lockout.Failed("ANA");
        Assert.True(lockout.IsLocked("ana", out var remaining));
        Assert.Equal(TimeSpan.FromMinutes(15), remaining);

        time.Advance(TimeSpan.FromMinutes(15));
        Assert.False(lockout.IsLocked("ana", out _));
    }

    [Fact]
    public void Lockout_FailuresSpreadBeyondTheWindow_NeverLock()
    {
        var time = new FakeTimeProvider();
        var lockout = new SignInLockout(new StaffOptions { MaxFailedSignIns = 3, LockoutTime = TimeSpan.FromMinutes(15) }, time);
        for (var i = 0; i < 10; i++)
        {
            lockout.Failed("ana");
            time.Advance(TimeSpan.FromMinutes(8));
        }

        Assert.False(lockout.IsLocked("ana", out _));
    }

    [Fact]
    public void StaffOptions_BadRoleHashOrDuplicate_StartupRefusedWithEachReason()
    {
        var options = new StaffOptions
        {
            Users =
            [
                new StaffUser { Name = "ana", PasswordHash = StaffPasswords.Hash("una contraseña larga"), Role = "root" },
                new StaffUser { Name = "Ana", PasswordHash = "plaintext", Role = "staff" },
            ],
        };
        var result = new StaffOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Staff:Users:0:Role", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Staff:Users:1:PasswordHash", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("more than once", StringComparison.Ordinal));
    }
}
