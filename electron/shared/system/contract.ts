/** The app's own channels: what it is and where its data lives. */
import type { AppInfo } from '../models'
import { NoInput } from '../schemas'
import { returns, route } from '../contract-kit'

export const systemContract = {
  'app:info': route(NoInput, returns<AppInfo>()),
  'system:open-data-folder': route(NoInput, returns<null>()),
}
