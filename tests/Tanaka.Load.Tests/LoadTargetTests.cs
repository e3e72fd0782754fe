namespace Tanaka.Load.Tests;

public sealed class LoadTargetTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3000/")]
    [InlineData("http://localhost:3000/")]
    [InlineData("http://[::1]:3000/")]
    [InlineData("http://127.8.9.10/")]
    public void Loopback_addresses_are_accepted(string url) =>
        new LoadTarget(new Uri(url), "token", null).EnsureLoopback();

    [Theory]
    [InlineData("http://10.0.0.5:3000/")]
    [InlineData("https://tanaka.example.com/")]
    [InlineData("http://0.0.0.0:3000/")]
    public void Other_addresses_are_refused(string url) =>
        Should.Throw<ArgumentException>(() => new LoadTarget(new Uri(url), "token", null).EnsureLoopback());

    [Fact]
    public void Profiles_are_found_by_name_and_the_workspace_has_200_tabs_or_more()
    {
        LoadProfile.Find("STANDARD").ShouldBe(LoadProfile.Standard);
        LoadProfile.Find("nope").ShouldBeNull();
        LoadProfile.Standard.Devices.ShouldBe(50);
        LoadProfile.Heavy.Devices.ShouldBe(500);
        LoadProfile.All.ShouldAllBe(p => p.InitialTabs >= 200);
    }
}
