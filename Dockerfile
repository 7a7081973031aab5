# The Andalan export function app: the Functions host for .NET 10 isolated workers, Debian's Chromium and fonts,
# and the app with Playwright's linux-x64 driver. Nothing is downloaded when the app runs: Playwright is pointed
# at /usr/lib/chromium/chromium-headless-shell and never installs a browser of its own.
#
# Build in Azure (no local Docker needed):  az acr build --registry <acr> --image andalan-functions:<tag> .
# or locally:                               docker build --platform linux/amd64 -t andalan-functions:<tag> .
# The Functions base image is published for linux/amd64 only. Deployment steps: README.md, "Deploy to Azure".

# ---- publish: the .NET 10 SDK builds the app exactly as CI does (Release, warnings as errors) ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS publish
WORKDIR /src

# Restore first, from the project file and the repository-wide build settings only, so a code change does not
# invalidate the package layer. The project links ../host.json and ../local.settings.sample.json; .editorconfig
# holds the analyzer settings the build treats as errors.
COPY .editorconfig global.json Directory.Build.props Directory.Build.rsp Directory.Packages.props \
     host.json local.settings.sample.json ./
COPY Andalan.Functions/Andalan.Functions.csproj Andalan.Functions/
RUN dotnet restore Andalan.Functions/Andalan.Functions.csproj

COPY Andalan.Functions/ Andalan.Functions/
# PlaywrightPlatform=linux-x64 makes Playwright's build targets copy only the linux-x64 node driver, whatever
# machine builds the image. The driver is then moved aside so the final stage can put it in its own layer,
# which changes only when the Playwright package does.
RUN dotnet publish Andalan.Functions/Andalan.Functions.csproj -c Release --no-restore -o /app/publish \
        -p:PlaywrightPlatform=linux-x64 \
    && mkdir -p /app/driver \
    && mv /app/publish/.playwright /app/driver/.playwright

# ---- runtime: the Azure Functions host for .NET 10 isolated workers ----
FROM mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0

# Debian's Chromium as its headless-only build, chromium-headless-shell (the browser the app launches through
# Playwright's ExecutablePath; about half the memory of the full browser), and the fonts the panel's pages need: Liberation for the Arial/Helvetica/Times metrics of PDF and HTML reports, Noto for everything else.
# Ubuntu's chromium package is only a stub for a snap, which cannot run in a container: refuse any base image
# that is not Debian rather than build an image whose browser never starts.
RUN . /etc/os-release \
    && if [ "$ID" != "debian" ]; then echo "The Functions base image is $PRETTY_NAME, not Debian" >&2; exit 1; fi \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        chromium-headless-shell fonts-liberation fonts-noto-core \
    && rm -rf /var/lib/apt/lists/* \
    && chromium-headless-shell --version

# The settings every deployment shares; per-environment settings and secrets come from the function app's
# settings and Key Vault (infra/main.bicep). TZ makes the process's local time Jakarta's too.
ENV AzureWebJobsScriptRoot=/home/site/wwwroot \
    AzureFunctionsJobHost__Logging__Console__IsEnabled=true \
    FUNCTIONS_WORKER_RUNTIME=dotnet-isolated \
    WEBSITE_TIME_ZONE=Asia/Jakarta \
    TZ=Asia/Jakarta \
    Andalan__Run__Schedule="0 0 8,18 * * *" \
    Andalan__Run__TimeZone=Asia/Jakarta \
    Andalan__Panel__ChromiumPath=/usr/lib/chromium/chromium-headless-shell \
    PLAYWRIGHT_DRIVER_SEARCH_PATH=/home/site/wwwroot \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

COPY --from=publish /app/driver/.playwright/node/LICENSE /home/site/wwwroot/.playwright/node/LICENSE
COPY --from=publish /app/driver/.playwright/node/linux-x64/ /home/site/wwwroot/.playwright/node/linux-x64/
COPY --from=publish /app/driver/.playwright/package/ /home/site/wwwroot/.playwright/package/
COPY --from=publish /app/publish/ /home/site/wwwroot/
