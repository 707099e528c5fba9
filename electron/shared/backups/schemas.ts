import { z } from 'zod'

/** A backup named by its file name in the backups folder: never a path. */
export const BackupRestoreInput = z.strictObject({
  name: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, 'Choose one of the listed backups.')
    .refine((name) => !name.includes('..'), 'Choose one of the listed backups.'),
})
