import path from 'node:path'

export const DATA_DIR_ENV = 'TURNAROUND_DATA_DIR'

/**
 * Where the database lives: `--data-dir <path>` or `--data-dir=<path>` wins, then the
 * TURNAROUND_DATA_DIR environment variable, then the app's user-data folder.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    // An empty value or another flag in its place is ignored, never read as the current folder.
    const value = arg.startsWith('--data-dir=')
      ? arg.slice('--data-dir='.length)
      : arg === '--data-dir'
        ? (argv[i + 1] ?? '')
        : null
    if (value !== null && value.trim() !== '' && !value.startsWith('--')) return path.resolve(value.trim())
  }
  const fromEnv = env[DATA_DIR_ENV]?.trim()
  return fromEnv ? path.resolve(fromEnv) : userDataDir
}
