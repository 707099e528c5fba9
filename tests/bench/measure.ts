/** Tiny measuring kit for the benchmarks: sample a function, take the median, record the figure. */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { ROOT } from '../e2e/support/paths'

export const BENCH_FILE = path.join(ROOT, 'test-results', 'bench.json')

export interface Figure {
  name: string
  unit: string
  median: number
  ratio?: number
  baseline?: string
}

export interface RecordInput extends Figure {
  /** How many samples the median was taken over (printed, not stored). */
  runs: number
  /** The samples themselves: printed when BENCH_VERBOSE is set, never stored. */
  samples?: readonly number[]
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Runs `fn` `runs` times, one after another, and returns how long each run took in ms. */
export async function sample(runs: number, fn: (run: number) => unknown | Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    await fn(run)
    times.push(performance.now() - start)
  }
  return times
}

export interface SectionTimer {
  start(): void
  stop(): void
}

/**
 * Times only the part of each run between `start()` and `stop()` (or the end of the run, when `stop`
 * is not called), so per-run setup and teardown stay out of the figure.
 */
export async function sampleSection(
  runs: number,
  fn: (timer: SectionTimer, run: number) => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const section = { started: Number.NaN, elapsed: Number.NaN }
    const timer: SectionTimer = {
      start: () => void (section.started = performance.now()),
      stop: () => void (section.elapsed = performance.now() - section.started),
    }
    await fn(timer, run)
    if (Number.isNaN(section.started)) throw new Error('sampleSection: the run never called start()')
    times.push(Number.isNaN(section.elapsed) ? performance.now() - section.started : section.elapsed)
  }
  return times
}

const round = (value: number, digits: number) => Number(value.toFixed(digits))

function readFigures(): Figure[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(BENCH_FILE, 'utf8'))
    return Array.isArray(parsed) ? (parsed as Figure[]) : []
  } catch {
    return []
  }
}

/** Prints the figure and merges it into test-results/bench.json, replacing any entry of the same name. */
export function record(input: RecordInput): Figure {
  const figure: Figure = { name: input.name, unit: input.unit, median: round(input.median, 3) }
  if (input.ratio !== undefined) figure.ratio = round(input.ratio, 2)
  if (input.baseline !== undefined) figure.baseline = input.baseline

  const ratioText =
    figure.ratio !== undefined ? ` ratio ${figure.ratio.toFixed(2)}x vs ${figure.baseline ?? 'baseline'}` : ''
  console.log(`${figure.name}: ${input.median.toFixed(1)} ${figure.unit} (median of ${input.runs})${ratioText}`)
  if (process.env.BENCH_VERBOSE && input.samples)
    console.log(`  samples: ${input.samples.map((v) => v.toFixed(1)).join(', ')}`)

  const figures = readFigures().filter((f) => f.name !== figure.name)
  figures.push(figure)
  fs.mkdirSync(path.dirname(BENCH_FILE), { recursive: true })
  const temp = `${BENCH_FILE}.${process.pid}.tmp`
  fs.writeFileSync(temp, `${JSON.stringify(figures, null, 2)}\n`)
  fs.renameSync(temp, BENCH_FILE)
  return figure
}
