// The Andalan export pipeline in one resource group: a Linux function app on an Elastic Premium plan running
// the image from Dockerfile, its registry, storage (host, Durable Functions, export archive, run history),
// Key Vault for the secrets, one user-assigned identity for all of it, and Application Insights on Log
// Analytics. No connection string, account key or password is stored in any setting: every connection is
// made with the identity. README.md, "Deploy to Azure", walks through it; notes/deployment.md says why.

targetScope = 'resourceGroup'

@description('Short name the resource names start with: lower-case letters and digits.')
@minLength(3)
@maxLength(12)
param baseName string = 'andalan'

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Repository name of the function app image in the registry.')
param imageName string = 'andalan-functions'

@description('Tag of the image to run; push it with `az acr build` (README.md).')
param imageTag string

@description('Elastic Premium size: EP1 has 1 core and 3.5 GB, enough for one Chromium and the .NET worker.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param planSku string = 'EP1'

@description('Most instances the plan may scale out to. One is always ready, so the timer never waits.')
@minValue(1)
@maxValue(20)
param maximumInstances int = 3

@description('The admin panel\'s root URL (Andalan__Panel__BaseUrl).')
param panelBaseUrl string

@description('The Google spreadsheet\'s id, from its URL (Andalan__Sheets__SpreadsheetId).')
@minLength(10)
param spreadsheetId string

@description('The operators\' Telegram group id, for example -1001234567890 (Andalan__Telegram__ChatId).')
param telegramChatId string

@description('False sends no Telegram messages; the bot token secret is then not required.')
param telegramEnabled bool = true

@description('Days a run\'s downloaded files are kept in the archive before the lifecycle rule deletes them.')
@minValue(1)
@maxValue(3650)
param retentionDays int = 90

@description('Days Log Analytics keeps the app\'s logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Object id of the person or group who sets the secrets; gets Key Vault Secrets Officer. Empty: none.')
param operatorPrincipalId string = ''

@description('Whether operatorPrincipalId is a user or a group.')
@allowed([
  'User'
  'Group'
])
param operatorPrincipalType string = 'User'

@description('Tags put on every resource.')
param tags object = {
  application: 'andalan-exports'
}

var suffix = take(uniqueString(subscription().id, resourceGroup().id, baseName), 6)
var compactName = toLower(replace(baseName, '-', ''))
var archiveContainerName = 'andalan-exports'
var historyTableName = 'AndalanRuns'

// Built-in role definitions (their ids are the same in every tenant).
var roles = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// The Functions host keeps leases and timer state in blobs (owner), Durable Functions its queues and tables; the
// app writes the export archive (blobs) and the run history (a table).
var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}-${suffix}'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

// Local (instrumentation key) authentication is off: the host sends telemetry with the identity's token, so the
// connection string in the settings identifies the resource but grants nothing.
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${compactName}${suffix}acr'
  location: location
  tags: tags
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${compactName}${suffix}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource archiveContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: archiveContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource historyTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: historyTableName
}

// The archive's retention: a run's files go once they are older than retentionDays. The app removes expired run
// folders after each run too (Andalan__Storage__RetentionDays, the same number), for Azurite and as a backstop.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-export-archive'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${archiveContainerName}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: retentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    archiveContainer
  ]
}

// Secrets are read by the app at start-up through its identity. Soft delete and purge protection keep a deleted
// secret recoverable for 90 days; nobody, the deployment included, can purge the vault early.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${baseName}-${suffix}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vaultSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

resource storageData 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storage.id, identity.id, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource registryPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, roles.acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'elastic'
  sku: {
    tier: 'ElasticPremium'
    name: planSku
  }
  properties: {
    reserved: true
    maximumElasticWorkerCount: maximumInstances
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'functionapp,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    reserved: true
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOCKER|${registry.properties.loginServer}/${imageName}:${imageTag}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identity.properties.clientId
      minimumElasticInstanceCount: 1
      functionAppScaleLimit: maximumInstances
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

// No FTP or basic-auth deployment: the image is the only way code gets in.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

// Every setting the app binds, with the app's defaults written out so the portal shows what is in force.
// Secrets are not here: they live in Key Vault as Andalan--Panel--Username, Andalan--Panel--Password,
// Andalan--Sheets--ServiceAccountJson and Andalan--Telegram--BotToken. Change a setting here (or in
// main.bicepparam) and deploy again: this resource replaces the whole set, portal edits included.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    FUNCTIONS_EXTENSION_VERSION: '~4'
    FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
    WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false'
    WEBSITE_TIME_ZONE: 'Asia/Jakarta'
    DOCKER_REGISTRY_SERVER_URL: 'https://${registry.properties.loginServer}'

    // Identity-based connection for the host, Durable Functions, the archive and the history.
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    // DefaultAzureCredential (Key Vault) picks the user-assigned identity by this client id.
    AZURE_CLIENT_ID: identity.properties.clientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'

    Andalan__KeyVault__VaultUri: vault.properties.vaultUri

    Andalan__Run__Schedule: '0 0 8,18 * * *'
    Andalan__Run__TimeZone: 'Asia/Jakarta'
    Andalan__Run__MaxAttempts: '3'
    Andalan__Run__FirstRetryDelaySeconds: '15'
    Andalan__Run__RetryBackoffFactor: '3'
    Andalan__Run__PublicBaseUrl: 'https://${app.properties.defaultHostName}/'

    Andalan__Panel__BaseUrl: panelBaseUrl
    Andalan__Panel__LoginPath: '/login'
    Andalan__Panel__LoginForm: 'form#login-form'
    Andalan__Panel__UsernameInput: 'input[name=email]'
    Andalan__Panel__PasswordInput: 'input[name=password]'
    Andalan__Panel__SubmitButton: 'button[type=submit]'
    Andalan__Panel__LoginError: '.alert-danger'
    Andalan__Panel__LoggedInSelector: ''
    Andalan__Panel__LoginThrottledPattern: '(?i)(?:too many login attempts|terlalu banyak percobaan)\\D*?(?<seconds>\\d+)\\s*(?:seconds?|detik)'
    Andalan__Panel__MaintenancePattern: '(?i)sedang dalam pemeliharaan|service unavailable|maintenance mode'
    Andalan__Panel__DateInputFormat: 'yyyy-MM-dd'
    Andalan__Panel__TimeZone: 'Asia/Jakarta'
    Andalan__Panel__ChromiumPath: '/usr/lib/chromium/chromium-headless-shell'
    Andalan__Panel__Headless: 'true'
    Andalan__Panel__LeanChromium: 'true'
    Andalan__Panel__MaxDownloadMegabytes: '200'
    Andalan__Panel__EvidenceDirectory: ''
    Andalan__Panel__LaunchTimeout: '00:00:30'
    Andalan__Panel__BrowserIdleTimeout: '00:00:20'
    Andalan__Panel__MaxConcurrentPages: '1'
    Andalan__Panel__ViewportWidth: '1024'
    Andalan__Panel__ViewportHeight: '768'
    Andalan__Panel__TrimBrowserMemory: 'true'
    Andalan__Panel__NavigationTimeout: '00:00:30'
    Andalan__Panel__SelectorTimeout: '00:00:10'
    Andalan__Panel__LoginTimeout: '00:00:30'
    Andalan__Panel__DownloadTimeout: '00:03:00'

    Andalan__Documents__MaxPages: '20000'
    Andalan__Documents__MaxRows: '2000000'
    Andalan__Documents__MaxXlsxUncompressedBytes: '1073741824'
    Andalan__Documents__HeaderSearchRows: '60'

    Andalan__Sheets__BaseUrl: 'https://sheets.googleapis.com/'
    Andalan__Sheets__SpreadsheetId: spreadsheetId
    Andalan__Sheets__RetryBudget: '00:02:00'
    Andalan__Sheets__RetryBaseDelay: '00:00:01'
    Andalan__Sheets__MaxRetryDelay: '00:00:32'
    Andalan__Sheets__RequestTimeout: '00:01:40'
    Andalan__Sheets__MaxCellsPerWrite: '80000'
    Andalan__Sheets__MaxRequestBytes: '2097152'
    Andalan__Sheets__CellLimit: '10000000'
    Andalan__Sheets__MaxCellCharacters: '50000'
    Andalan__Sheets__SpareColumns: '3'

    Andalan__Telegram__Enabled: telegramEnabled ? 'true' : 'false'
    Andalan__Telegram__BaseUrl: 'https://api.telegram.org/'
    Andalan__Telegram__ChatId: telegramChatId
    Andalan__Telegram__RequestTimeout: '00:00:10'
    Andalan__Telegram__RetryBudget: '00:00:30'
    // The webhook channel is off; to enable it, set the secret Andalan--Webhook--Url in the vault and this to 'true'.
    Andalan__Webhook__Enabled: 'false'
    Andalan__Webhook__Format: 'Json'
    Andalan__Webhook__RequestTimeout: '00:00:10'
    Andalan__Webhook__RetryBudget: '00:00:30'
    Andalan__Webhook__MinInterval: '00:00:01.1000000'
    Andalan__Webhook__MaxTextLength: '4000'

    Andalan__Storage__ArchiveContainer: archiveContainerName
    Andalan__Storage__HistoryTable: historyTableName
    Andalan__Storage__RetentionDays: string(retentionDays)
  }
  // The app reads the vault and storage as soon as it starts with these settings: give it its roles first.
  dependsOn: [
    vaultSecretsUser
    storageData
    registryPull
    telemetryPublisher
    historyTable
    lifecycle
  ]
}

output resourceGroupName string = resourceGroup().name
output functionAppName string = app.name
output functionAppUrl string = 'https://${app.properties.defaultHostName}'
output registryName string = registry.name
output registryLoginServer string = registry.properties.loginServer
output image string = '${registry.properties.loginServer}/${imageName}:${imageTag}'
output keyVaultName string = vault.name
output keyVaultUri string = vault.properties.vaultUri
output storageAccountName string = storage.name
output archiveContainer string = archiveContainerName
output historyTable string = historyTableName
output identityName string = identity.name
output identityClientId string = identity.properties.clientId
output identityPrincipalId string = identity.properties.principalId
output appInsightsName string = appInsights.name
output logAnalyticsWorkspaceName string = logs.name
