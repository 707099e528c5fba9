/**
 * A throwaway PostgreSQL server that speaks only TLS, for the tests of a shared database's secure
 * connection: its own data folder (initdb), its own port on localhost, `ssl = on` with a server
 * certificate made for the run (openssl) and signed by a certificate authority made for the run, and
 * a pg_hba.conf that accepts TCP connections only over TLS (`hostssl`). Stopped and deleted by stop().
 *
 * As root the server runs as the `postgres` user (initdb refuses root); as anyone else, as them.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface TlsPostgres {
  port: number
  user: string
  password: string
  database: string
  /** The certificate authority that signed the server's certificate (PEM): what a desktop is given. */
  caCertificate: string
  /** Another authority (PEM), which signed nothing of this server's. */
  otherCaCertificate: string
  /** The names the server's certificate is made out to. */
  certificateNames: string[]
  stop(): Promise<void>
}

const USER = 'desk_tls'
const PASSWORD = 'desk-tls-pw'

/** initdb and pg_ctl: on the PATH, else Debian's newest /usr/lib/postgresql/<version>/bin. */
function binary(name: string): string {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, name))
  const debian = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join('/usr/lib/postgresql', v, 'bin', name))
    : []
  const found = [...onPath, ...debian].find((f) => fs.existsSync(f))
  if (!found) throw new Error(`PostgreSQL's ${name} was not found (apt-get install postgresql).`)
  return found
}

const asRoot = process.getuid?.() === 0

/** Runs a PostgreSQL program as the server's owner. */
function runAsOwner(program: string, args: string[]): string {
  const [cmd, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args]
  return execFileSync(cmd, all, { encoding: 'utf8', stdio: 'pipe' })
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** An authority (self-signed) and, when `names` are given, a server certificate it signs for them. */
function makeCertificates(dir: string): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  openssl(
    ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Desk Test CA'],
    dir,
  )
  openssl(
    ['req', '-x509', ...ec, '-keyout', 'other.key', '-out', 'other.crt', '-days', '2', '-subj', '/CN=Some Other CA'],
    dir,
  )
  openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir)
  fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName = DNS:localhost\n')
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.crt',
      '-days',
      '2',
      '-extfile',
      'server.ext',
    ],
    dir,
  )
}

export async function startTlsPostgres(): Promise<TlsPostgres> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-tls-pg-'))
  const data = path.join(root, 'data')
  const certs = path.join(root, 'certs')
  fs.mkdirSync(certs)
  makeCertificates(certs)
  fs.writeFileSync(path.join(root, 'pw'), PASSWORD)
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', root])
  // The server refuses a key others may read.
  fs.chmodSync(path.join(certs, 'server.key'), 0o600)
  const port = await freePort()
  runAsOwner(binary('initdb'), [
    '-D',
    data,
    '-U',
    USER,
    `--pwfile=${path.join(root, 'pw')}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ])
  fs.appendFileSync(
    path.join(data, 'postgresql.conf'),
    [
      `port = ${port}`,
      `listen_addresses = 'localhost'`,
      `unix_socket_directories = '${root}'`,
      'ssl = on',
      `ssl_cert_file = '${path.join(certs, 'server.crt')}'`,
      `ssl_key_file = '${path.join(certs, 'server.key')}'`,
      'fsync = off',
      'max_connections = 30',
      '',
    ].join('\n'),
  )
  // TCP only over TLS: a connection without it is refused by the server itself.
  fs.writeFileSync(
    path.join(data, 'pg_hba.conf'),
    [
      'local all all trust',
      'hostssl all all 127.0.0.1/32 scram-sha-256',
      'hostssl all all ::1/128 scram-sha-256',
      '',
    ].join('\n'),
  )
  const pgCtl = binary('pg_ctl')
  const stop = async () => {
    try {
      runAsOwner(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } catch {
      // Already stopped (or never started): the folder goes either way.
    }
    fs.rmSync(root, { recursive: true, force: true })
  }
  try {
    runAsOwner(pgCtl, ['-D', data, '-l', path.join(root, 'server.log'), '-w', '-t', '60', 'start'])
    runAsOwner(binary('psql'), [
      '-h',
      root,
      '-p',
      String(port),
      '-U',
      USER,
      '-d',
      'postgres',
      '-v',
      'ON_ERROR_STOP=1',
      '-qc',
      `CREATE DATABASE turnaround_desk TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    ])
  } catch (error) {
    const log = fs.existsSync(path.join(root, 'server.log'))
      ? fs.readFileSync(path.join(root, 'server.log'), 'utf8')
      : ''
    await stop()
    throw new Error(`The TLS test server did not start: ${(error as Error).message}\n${log}`, { cause: error })
  }
  const read = (name: string) => fs.readFileSync(path.join(certs, name), 'utf8')
  return {
    port,
    user: USER,
    password: PASSWORD,
    database: 'turnaround_desk',
    caCertificate: read('ca.crt'),
    otherCaCertificate: read('other.crt'),
    certificateNames: ['localhost'],
    stop,
  }
}
