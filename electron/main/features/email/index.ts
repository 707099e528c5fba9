/** What other parts of main may use of the email feature. */
export { createEmailHandlers, createEmailServices, type EmailServices } from './email-handlers'
export { SECRET_FILE_NAME, createSecretFile, type SecretCipher, type SecretStore } from './secret-file'
export type { SmtpTrust } from './smtp'
