using System.Net;
using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>Sign-in: wrong passwords, the per-name lockout, the per-address rate limit, antiforgery and roles.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task WrongPasswordFiveTimes_NameLocked_EvenTheRightPasswordRefusedWhileOthersSignIn()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        using var client = new StaffClient(host);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SignInAsync(StaffAccounts.Staff, "no es la contraseña");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Nombre o contraseña incorrectos", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var locked = await client.SignInAsync(StaffAccounts.Staff.ToUpperInvariant(), StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("bloqueada", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(locked.Headers.RetryAfter);

        using var other = await new StaffClient(host).SignInAsync(StaffAccounts.Admin, StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task UnknownName_SameAnswerAsWrongPassword_AndLocksAlike()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        using var client = new StaffClient(host);
        for (var i = 0; i < 5; i++)
        {
            using var unknown = await client.SignInAsync("nadie", StaffAccounts.Password);
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        using var locked = await client.SignInAsync("nadie", StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
    }

    [Fact]
    public async Task ManyAttemptsFromOneAddress_RateLimited()
    {
        await using var host = await BotHost.StartAsync(StaffAccounts.Settings(signInsPerMinute: 3));
        using var client = new StaffClient(host);
        var statuses = new List<HttpStatusCode>();
        foreach (var name in new[] { "a", "b", "c", StaffAccounts.Admin })
        {
            using var response = await client.SignInAsync(name, name == StaffAccounts.Admin ? StaffAccounts.Password : "x");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task FormsWithoutOrWithAForeignAntiforgeryToken_Rejected()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        using var anonymous = new StaffClient(host);
        using var noToken = await anonymous.PostRawAsync("/staff/login", new() { ["name"] = StaffAccounts.Admin, ["password"] = StaffAccounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        using var admin = await StaffClient.SignedInAsync(host, StaffAccounts.Admin);
        using var other = await StaffClient.SignedInAsync(host, StaffAccounts.Staff);
        var foreign = StaffClient.Token(await other.GetStringAsync("/staff"));
        foreach (var action in new[] { "/staff/promoters", "/staff/admin/delete", "/staff/logout", "/staff/promoters/x/token" })
        {
            using var missing = await admin.PostRawAsync(action, new() { ["code"] = "forged_code", ["name"] = "n", ["organisation"] = "o", ["pseudonym"] = new string('a', 32) });
            Assert.True(missing.StatusCode == HttpStatusCode.BadRequest, $"{action} without a token: {(int)missing.StatusCode}");
            using var wrong = await admin.PostRawAsync(action, new() { ["code"] = "forged_code", ["name"] = "n", ["organisation"] = "o", ["__RequestVerificationToken"] = foreign });
            Assert.True(wrong.StatusCode == HttpStatusCode.BadRequest, $"{action} with another user's token: {(int)wrong.StatusCode}");
        }

        Assert.DoesNotContain("forged_code", await admin.GetStringAsync("/staff/promoters"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReturnUrl_OnlyLocalPathsFollowed_SignOutEndsTheSession()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        using var client = new StaffClient(host);
        using var evil = await client.SignInAsync(StaffAccounts.Admin, StaffAccounts.Password, "//evil.example/staff");
        Assert.Equal("/staff", evil.Headers.Location?.OriginalString);
        using var local = await client.SignInAsync(StaffAccounts.Admin, StaffAccounts.Password, "/staff/results?channel=web");
        Assert.Equal("/staff/results?channel=web", local.Headers.Location?.OriginalString);

        using var signOut = await client.PostFormAsync("/staff", "/staff/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.GetAsync("/staff/api/overview.json");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    /// <summary>Browsers drop tabs and line breaks from a URL, so "/\t/evil.example" would lead to //evil.example.</summary>
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/staff\\..\\..\\evil")]
    [InlineData(" //evil.example")]
    [InlineData("https://evil.example/staff")]
    public async Task SignIn_ReturnUrlThatBrowsersReadAsAnotherSite_GoesToStaffInstead(string returnUrl)
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        using var client = new StaffClient(host);
        using var response = await client.SignInAsync(StaffAccounts.Admin, StaffAccounts.Password, returnUrl);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task StaffRole_AdminPages_Forbidden()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null);
        using var staff = await StaffClient.SignedInAsync(host, StaffAccounts.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/staff/admin/delete")).StatusCode);
        Assert.DoesNotContain("/staff/admin/delete", await staff.GetStringAsync("/staff"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/staff/export/responses.csv")).StatusCode);
    }
}
