using Andalan.Sandbox.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddCommandLine(args, SandboxApp.SwitchMappings);
var options = builder.Configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new SandboxOptions();

var app = SandboxApp.Build(builder, options, TimeProvider.System);
await app.StartAsync();
await using var sandbox = SandboxInstance.Create(app, options);

Console.WriteLine(
    $"Andalan sandbox ready: panel {sandbox.Addresses.BaseUrl}login, views {sandbox.Addresses.BaseUrl}_sandbox, " +
    $"key vault {sandbox.Addresses.VaultUrl}" +
    (options.SettingsFile is { Length: > 0 } f ? $", settings {Path.GetFullPath(f)}" : string.Empty));

await app.WaitForShutdownAsync();
