/** Calling a channel through a test app's real dispatcher, unwrapping its envelope. */
import type { ApiErrorData, Envelope } from '../../electron/shared/envelope'
import type { TestApp } from './temp-db'

export async function call<T>(app: TestApp, channel: string, input?: unknown): Promise<T> {
  const result = (await app.call(channel, input)) as Envelope<T>
  if (!result.ok)
    throw new Error(`${channel} failed: ${result.error.code} ${result.error.field ?? '-'}: ${result.error.message}`)
  return result.data
}

export async function refused(app: TestApp, channel: string, input?: unknown): Promise<ApiErrorData> {
  const result = (await app.call(channel, input)) as Envelope<unknown>
  if (result.ok) throw new Error(`${channel} should have been refused`)
  return result.error
}
