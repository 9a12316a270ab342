using ChatSurvey.Bot.Tests.Infrastructure;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>One bot with the seed and both accounts signed in, shared by the read-only tests of a class.</summary>
public sealed class SeededDashboard : IAsyncLifetime
{
    public DashboardSeed Seed { get; } = new();

    public BotHost Host { get; private set; } = null!;

    public StaffClient Admin { get; private set; } = null!;

    public StaffClient Staff { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await StaffAccounts.StartSeededAsync(Seed);
        Admin = await StaffClient.SignedInAsync(Host, StaffAccounts.Admin);
        Staff = await StaffClient.SignedInAsync(Host, StaffAccounts.Staff);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Staff.Dispose();
        await Host.DisposeAsync();
    }
}
