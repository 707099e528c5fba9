/** Why a database file could not be opened. The file is never touched in these cases. */
export type DatabaseOpenProblem = 'unreadable' | 'damaged' | 'newer-version' | 'migration-failed'

export class DatabaseOpenError extends Error {
  constructor(
    readonly problem: DatabaseOpenProblem,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`)
    this.name = 'DatabaseOpenError'
  }
}

/** Words for the dialog shown when the database cannot be opened. */
export function describeOpenProblem(error: DatabaseOpenError): { title: string; message: string } {
  switch (error.problem) {
    case 'unreadable':
      return {
        title: 'The database cannot be opened',
        message: `Turnaround Desk could not read its database at\n${error.file}\n\nThe file may be damaged or not a Turnaround Desk database. It has not been changed. Move it aside or restore a backup, then start the app again.`,
      }
    case 'damaged':
      return {
        title: 'The database is damaged',
        message: `Turnaround Desk found damage in its database at\n${error.file}\n\nIt has not been changed. Restore a backup (File > Restore from backup) or move the file aside, then start the app again.`,
      }
    case 'newer-version':
      return {
        title: 'The database is from a newer version',
        message: `The database at\n${error.file}\nwas written by a newer version of Turnaround Desk. This version cannot use it and has not changed it. Install the newer version to open it.`,
      }
    case 'migration-failed':
      return {
        title: 'The database could not be upgraded',
        message: `Upgrading the database at\n${error.file}\nfailed and was rolled back, so your data is as it was. A copy taken before the upgrade is in the backups folder beside it.`,
      }
  }
}
