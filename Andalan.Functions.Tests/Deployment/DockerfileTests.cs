using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using Andalan.Functions.Backend;
using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>
/// The Dockerfile read against the repository and a real publish of the app, since no Docker engine is at hand
/// to build it: base images, the Chromium install, the settings it sets and the files it copies.
/// </summary>
public sealed class DockerfileTests(PublishedAppFixture published) : IClassFixture<PublishedAppFixture>
{
    private const string WebRoot = "/home/site/wwwroot";

    private static readonly Dockerfile Definition = Dockerfile.Read();

    [Fact]
    public void Stages_PublishWithTheSdkAndRunOnTheFunctionsImageForTheAppsFramework()
    {
        var framework = TargetFramework();
        var version = framework["net".Length..];

        Assert.Equal(2, Definition.Stages.Count);
        Assert.Equal($"mcr.microsoft.com/dotnet/sdk:{version}", Definition.Stage("publish").Image);
        Assert.Equal(
            $"mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated{version}", Definition.Final.Image);
        Assert.Equal("net10.0", framework);
    }

    [Fact]
    public void Runtime_InstallsDebiansChromiumAndTheFontsWithoutLeavingAptLists()
    {
        var commands = Definition.Final.Commands();
        var packages = Assert.Single(commands, c => c.Contains("apt-get") && c.Contains("install"));

        Assert.Contains("chromium-headless-shell", packages);
        Assert.Contains("fonts-liberation", packages);
        Assert.Contains("fonts-noto-core", packages);
        Assert.Contains("--no-install-recommends", packages);
        Assert.Contains(commands, c => c.Count >= 2 && c[0] == "apt-get" && c[1] == "update");
        Assert.Contains(commands, c => c.Contains("rm") && c.Contains("/var/lib/apt/lists/*"));
        var install = Definition.Final.All("RUN").Single().Arguments;
        Assert.Contains("\"$ID\" != \"debian\"", install, StringComparison.Ordinal);
        Assert.DoesNotContain(Definition.Stages.SelectMany(s => s.Commands()),
            c => c.Any(w => w.Contains("playwright", StringComparison.OrdinalIgnoreCase)) && c.Contains("install"));
    }

    [Fact]
    public void Runtime_PointsTheAppAtTheChromiumDebianInstalls()
    {
        var environment = Definition.Final.Environment();
        var chromium = environment["Andalan__Panel__ChromiumPath"];

        Assert.Equal(new PanelOptions().ChromiumPath, chromium);
        Assert.Contains(chromium, DebianPackageFiles("chromium-headless-shell"));
        Assert.Equal("1", environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"]);
    }

    [Fact]
    public void Runtime_SetsOnlySettingsTheAppReadsAndTheTimerNeeds()
    {
        var environment = Definition.Final.Environment();
        var known = AppSettingsCatalog.Settings.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(environment.Keys.Where(k => k.StartsWith("Andalan__", StringComparison.Ordinal)),
            key => Assert.Contains(key, known));
        Assert.All(environment.Keys, key => Assert.DoesNotContain(key, AppSettingsCatalog.Secrets));
        Assert.All(environment.Values, value => Assert.False(AppSettingsCoverageTests.LooksLikeASecret(value)));
        Assert.Equal("0 0 8,18 * * *", environment["Andalan__Run__Schedule"]);
        Assert.Equal("Asia/Jakarta", environment["WEBSITE_TIME_ZONE"]);
        Assert.Equal(environment["WEBSITE_TIME_ZONE"], environment["Andalan__Run__TimeZone"]);
        Assert.Equal(WebRoot, environment["AzureWebJobsScriptRoot"]);
        Assert.Equal(WebRoot, environment["PLAYWRIGHT_DRIVER_SEARCH_PATH"]);
    }

    [Fact]
    public void Publish_UsesReleaseAndPinsPlaywrightsDriverToLinuxX64()
    {
        var arguments = published.Arguments;

        Assert.Equal("Andalan.Functions/Andalan.Functions.csproj", arguments[2]);
        Assert.Equal("Release", arguments[arguments.ToList().IndexOf("-c") + 1]);
        Assert.Contains("-p:PlaywrightPlatform=linux-x64", arguments);
        Assert.Equal(new[] { "linux-x64" }, NodePlatforms(published.Output));
    }

    [Fact]
    public void Copies_TakeOnlyPathsARealPublishHas()
    {
        var copies = Definition.Final.Copies();

        Assert.All(copies, copy => Assert.Equal("publish", copy.From));
        foreach (var copy in copies)
        {
            var source = Assert.Single(copy.Sources);
            var local = published.Local(source);

            Assert.True(local is not null, $"{source} is not in the publish stage's output {published.ImageOutput}");
            Assert.True(Path.Exists(local), $"{source} is copied, but a real publish has no {local}");
            Assert.StartsWith(WebRoot + "/", copy.Destination, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Copies_LayTheAppOutAsPublishedWithOnlyTheLinuxX64Driver()
    {
        var image = ImageFiles();
        var expected = Files(published.Output)
            .Where(f => !f.StartsWith(".playwright/node/", StringComparison.Ordinal) ||
                        f.StartsWith(".playwright/node/linux-x64/", StringComparison.Ordinal) ||
                        f == ".playwright/node/LICENSE")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), image.Keys.Order(StringComparer.Ordinal));
        string[] entryPoints =
        [
            "Andalan.Functions.dll", "functions.metadata", "worker.config.json", "host.json",
            ".playwright/package/cli.js",
        ];
        foreach (var entry in entryPoints)
        {
            Assert.Contains(entry, image.Keys);
        }

        var node = image[".playwright/node/linux-x64/node"];
        Assert.True(OperatingSystem.IsLinux() && File.GetUnixFileMode(node).HasFlag(UnixFileMode.UserExecute),
            "node is not executable");
        Assert.DoesNotContain(image.Keys, f => f.StartsWith(".playwright/node/", StringComparison.Ordinal) &&
            !f.StartsWith(".playwright/node/linux-x64/", StringComparison.Ordinal) && f != ".playwright/node/LICENSE");
    }

    [Fact]
    public void Publish_GivesTheAppItsSmallGen0Budget()
    {
        // The runtime reads GC settings from here; without it the app's heap grows by about 8 MiB (notes/backend.md).
        using var config = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(published.Output, "Andalan.Functions.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(4 * 1024 * 1024, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt32());
    }

    [Fact]
    public void BuildContext_HoldsEveryFileThePublishStageCopiesAndNoLocalSecrets()
    {
        var ignored = DockerIgnore.Read();
        var copied = Definition.Stage("publish").Copies()
            .Where(c => c.From is null).SelectMany(c => c.Sources).ToList();

        foreach (var source in copied)
        {
            Assert.True(Path.Exists(Path.Combine(RepositoryPaths.Root, source)), $"{source} is not in the repository");
            Assert.False(ignored.Excludes(source), $"{source} is copied but .dockerignore leaves it out");
        }

        foreach (var linked in ProjectFilesOutsideItsFolder())
        {
            Assert.Contains(linked, copied);
        }

        Assert.True(ignored.Excludes("local.settings.json"));
        Assert.True(ignored.Excludes("Andalan.Functions/local.settings.json"));
        Assert.True(ignored.Excludes("Andalan.Functions/bin/Release/net10.0/Andalan.Functions.dll"));
        Assert.True(ignored.Excludes("Andalan.Functions/obj/project.assets.json"));
        Assert.False(ignored.Excludes("Andalan.Functions/Backend/BackendSession.cs"));
    }

    private static string TargetFramework() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"))
            .Descendants("TargetFramework").Single().Value;

    /// <summary>Files the app's project includes from the repository root (../host.json and the like).</summary>
    private static IEnumerable<string> ProjectFilesOutsideItsFolder() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Andalan.Functions", "Andalan.Functions.csproj"))
            .Descendants()
            .Select(e => e.Attribute("Include")?.Value)
            .Where(include => include is not null && include.StartsWith("../", StringComparison.Ordinal))
            .Select(include => include!["../".Length..]);

    /// <summary>What the final stage's copies put under the web root: relative path to the local source file.</summary>
    private Dictionary<string, string> ImageFiles()
    {
        var image = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var copy in Definition.Final.Copies())
        {
            var local = published.Local(copy.Sources[0])!;
            var target = copy.Destination[(WebRoot.Length + 1)..].TrimEnd('/');
            foreach (var file in published.FilesAt(copy.Sources[0]))
            {
                var path = file.Length == 0 ? target : target.Length == 0 ? file : $"{target}/{file}";
                image[path] = file.Length == 0 ? local : Path.Combine(local, file);
            }
        }

        return image;
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'));

    private static List<string> NodePlatforms(string output) =>
        [.. new DirectoryInfo(Path.Combine(output, ".playwright", "node")).EnumerateDirectories().Select(d => d.Name)];

    private static string[] DebianPackageFiles(string package)
    {
        var start = new ProcessStartInfo("dpkg-query", ["-L", package])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
