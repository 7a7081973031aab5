// Parameters for infra/main.bicep. The values that differ per installation are read from environment variables
// when the deployment is made (README.md, "Deploy to Azure"), so this file holds no installation's data and no
// secret. Secrets never go here: they are set in Key Vault after the first deployment.
using 'main.bicep'

param baseName = readEnvironmentVariable('ANDALAN_BASE_NAME', 'andalan')
param imageTag = readEnvironmentVariable('ANDALAN_IMAGE_TAG', 'initial')

// Required: the deployment stops here with the variable's name when one is not set.
param panelBaseUrl = readEnvironmentVariable('ANDALAN_PANEL_URL')
param spreadsheetId = readEnvironmentVariable('ANDALAN_SPREADSHEET_ID')
param telegramChatId = readEnvironmentVariable('ANDALAN_TELEGRAM_CHAT_ID')

// `az ad signed-in-user show --query id -o tsv`: who may set the secrets. Empty grants nobody.
param operatorPrincipalId = readEnvironmentVariable('ANDALAN_OPERATOR_ID', '')

param planSku = 'EP1'
param maximumInstances = 3
param retentionDays = 90
param logRetentionDays = 30
param telegramEnabled = true
